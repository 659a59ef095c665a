namespace DataChallenge.Contracts;

/// <summary>Scoring could not complete for a reason that is not the competitor's (e.g. unreadable hidden labels).</summary>
public sealed record SubmissionFailed
{
    public required Guid SubmissionId { get; init; }
    public required int Attempt { get; init; }

    /// <summary>For organisers only; never shown to the competitor.</summary>
    public required string Reason { get; init; }

    public required DateTimeOffset FailedAt { get; init; }

    /// <summary>Echoes <see cref="ScoreSubmission.RescoreRunId"/>.</summary>
    public Guid? RescoreRunId { get; init; }

    /// <summary>Echoes <see cref="ScoreSubmission.ScoringConfigHash"/>.</summary>
    public string? ScoringConfigHash { get; init; }

    /// <summary>The labels version scored against, when known.</summary>
    public int? LabelsVersion { get; init; }
}
