namespace DataChallenge.Contracts;

/// <summary>A worker took a code submission and started its program (the submission is Running).</summary>
public sealed record CodeRunStarted
{
    public required Guid SubmissionId { get; init; }
    public required int Attempt { get; init; }
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The worker's name (host and process), recorded in the run's provenance.</summary>
    public required string Worker { get; init; }
}
