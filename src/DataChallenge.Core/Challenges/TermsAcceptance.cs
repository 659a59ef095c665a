namespace DataChallenge.Core.Challenges;

/// <summary>Proof that a user accepted one terms version at one instant. Rows are only ever added.</summary>
public sealed class TermsAcceptance
{
    public long Id { get; init; }
    public Guid ChallengeId { get; init; }
    public Guid UserId { get; init; }
    public int Version { get; init; }
    public DateTimeOffset AcceptedAt { get; init; }
}
