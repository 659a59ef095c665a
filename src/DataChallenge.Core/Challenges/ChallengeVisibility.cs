namespace DataChallenge.Core.Challenges;

/// <summary>Who can find a challenge.</summary>
public enum ChallengeVisibility
{
    /// <summary>Only its organisers; everyone else gets 404.</summary>
    Draft,

    /// <summary>Listed and open to all.</summary>
    Public,

    /// <summary>Not listed; reachable through its secret link or by its participants.</summary>
    Unlisted,
}
