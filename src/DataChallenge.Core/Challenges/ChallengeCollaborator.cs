namespace DataChallenge.Core.Challenges;

/// <summary>An organiser who is not the owner: same rights over the challenge, except managing collaborators.</summary>
public sealed class ChallengeCollaborator
{
    public Guid ChallengeId { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset AddedAt { get; init; }
}
