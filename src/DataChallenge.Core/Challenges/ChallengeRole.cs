namespace DataChallenge.Core.Challenges;

/// <summary>What the caller is to one challenge; endpoints decide from this, object by object.</summary>
public enum ChallengeRole
{
    Anonymous,

    /// <summary>Signed in, but not registered for this challenge.</summary>
    Outsider,

    Participant,
    Collaborator,
    Owner,
}
