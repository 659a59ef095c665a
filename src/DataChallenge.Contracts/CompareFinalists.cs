namespace DataChallenge.Contracts;

/// <summary>
/// Asks a worker for the paired bootstrap of a phase's finalists on the private split. It has its own slow queue: a
/// comparison of many teams resamples for minutes and must never hold up scoring.
/// </summary>
public sealed record CompareFinalists
{
    /// <summary>The comparison run, so progress and result land on the run the organiser asked for.</summary>
    public required Guid ComparisonId { get; init; }
    public required Guid PhaseId { get; init; }
    public required string LabelsKey { get; init; }
    public int? LabelsVersion { get; init; }
    public required string ScoringConfig { get; init; }
    public required IReadOnlyList<FinalistFile> Finalists { get; init; }
    public required int Resamples { get; init; }

    /// <summary>Fixed by the phase, so asking again gives the same answer.</summary>
    public required ulong Seed { get; init; }

    /// <summary>When set, whole groups of this labels column (centres) are resampled instead of rows.</summary>
    public string? GroupColumn { get; init; }
}

/// <summary>A finalist's team and the submission that stands for it on the private board.</summary>
public sealed record FinalistFile(Guid TeamId, Guid SubmissionId, string PredictionsKey);
