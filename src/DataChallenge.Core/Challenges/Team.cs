namespace DataChallenge.Core.Challenges;

/// <summary>The unit that submits and is ranked; a lone competitor has a team of one.</summary>
public sealed class Team
{
    public const int MaxNameLength = 60;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ChallengeId { get; init; }

    /// <summary>Chosen by competitors: data, never markup.</summary>
    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>What a member hands to someone to let them join; random and unguessable.</summary>
    public string InviteCode { get; init; } = Challenge.NewSecret();
}
