namespace DataChallenge.Core.Challenges;

/// <summary>A data challenge: the problem, its organisers, its phases.</summary>
public sealed class Challenge
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public required Guid OwnerId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<Phase> Phases { get; init; } = [];
}
