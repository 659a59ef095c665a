namespace DataChallenge.Core.Notifications;

/// <summary>News from a challenge's organisers, in Markdown: shown on the challenge page and mailed to those who want it.</summary>
public sealed class Announcement
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ChallengeId { get; init; }
    public Guid AuthorId { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset PublishedAt { get; init; }

    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;
}
