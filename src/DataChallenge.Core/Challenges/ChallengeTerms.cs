namespace DataChallenge.Core.Challenges;

/// <summary>One published version of a challenge's terms (data-use agreement). Versions are kept, never edited.</summary>
public sealed class ChallengeTerms
{
    public Guid ChallengeId { get; init; }
    public int Version { get; init; }
    public required string Text { get; init; }
    public Guid PublishedBy { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
}
