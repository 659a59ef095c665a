namespace DataChallenge.Contracts;

/// <summary>A submission's scores. Private-split values travel here but are only shown after the reveal.</summary>
public sealed record SubmissionScored
{
    public required Guid SubmissionId { get; init; }
    public required int Attempt { get; init; }
    public required int LabelsVersion { get; init; }
    public required string PrimaryMetric { get; init; }
    public required bool HigherIsBetter { get; init; }

    /// <summary>Every metric on every split ("public", "private", "all"; only "all" without a split column).</summary>
    public required IReadOnlyList<MetricScore> Scores { get; init; }

    public required string ScorerVersion { get; init; }
    public required DateTimeOffset ScoredAt { get; init; }
    public required double DurationMilliseconds { get; init; }

    /// <summary>Echoes <see cref="ScoreSubmission.RescoreRunId"/>.</summary>
    public Guid? RescoreRunId { get; init; }

    /// <summary>Echoes <see cref="ScoreSubmission.ScoringConfigHash"/>.</summary>
    public string? ScoringConfigHash { get; init; }

    /// <summary>With a group column (a centre): the primary metric per group and split; null without one.</summary>
    public IReadOnlyList<GroupScore>? Groups { get; init; }
}

/// <summary>One metric on one split; <see cref="Value"/> is null when the metric is undefined on the data.</summary>
public sealed record MetricScore(string Split, string Metric, double? Value, string? UndefinedReason);

/// <summary>
/// The primary metric on one group of one split. A <see cref="Suppressed"/> group had too few rows to show a value
/// without revealing individual labels: it carries its existence and row count only, and <see cref="Value"/> is null.
/// </summary>
public sealed record GroupScore(string Split, string Group, int Rows, bool Suppressed, double? Value);

/// <summary>A 95 % bootstrap interval.</summary>
public sealed record ScoreInterval(double Lower, double Upper, int Resamples);
