namespace DataChallenge.Contracts;

/// <summary>A worker took a submission and began scoring it.</summary>
public sealed record SubmissionScoringStarted
{
    public required Guid SubmissionId { get; init; }
    public required int Attempt { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
}
