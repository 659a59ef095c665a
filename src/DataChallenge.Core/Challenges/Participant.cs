namespace DataChallenge.Core.Challenges;

/// <summary>A user's membership of a challenge, through exactly one team.</summary>
public sealed class Participant
{
    public Guid ChallengeId { get; init; }
    public Guid UserId { get; init; }
    public Guid TeamId { get; set; }
    public DateTimeOffset JoinedAt { get; init; }
}
