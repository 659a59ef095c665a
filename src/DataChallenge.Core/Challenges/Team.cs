namespace DataChallenge.Core.Challenges;

/// <summary>The unit that submits and is ranked; a lone competitor has a team of one.</summary>
public sealed class Team
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ChallengeId { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
