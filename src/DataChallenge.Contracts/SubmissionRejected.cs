namespace DataChallenge.Contracts;

/// <summary>The prediction file broke an input rule; <see cref="Reason"/> is written for the competitor.</summary>
public sealed record SubmissionRejected
{
    public required Guid SubmissionId { get; init; }
    public required int Attempt { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset RejectedAt { get; init; }

    /// <summary>Echoes <see cref="ScoreSubmission.RescoreRunId"/>.</summary>
    public Guid? RescoreRunId { get; init; }

    /// <summary>Echoes <see cref="ScoreSubmission.ScoringConfigHash"/>.</summary>
    public string? ScoringConfigHash { get; init; }

    /// <summary>The labels version scored against, when known.</summary>
    public int? LabelsVersion { get; init; }
}
