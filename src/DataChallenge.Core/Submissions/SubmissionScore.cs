namespace DataChallenge.Core.Submissions;

/// <summary>
/// One scoring of a submission: which labels version, configuration and scorer produced it. A submission's current
/// scores are copied onto its row; these rows keep every scoring, so a rescore never needs a second submission.
/// </summary>
public sealed class SubmissionScore
{
    public Guid SubmissionId { get; init; }
    public int LabelsVersion { get; init; }
    public required string ConfigHash { get; init; }
    public required string ScorerVersion { get; init; }

    /// <summary>The rescoring that asked for it; null for the first scoring.</summary>
    public Guid? RescoreRunId { get; init; }

    public SubmissionStatus Outcome { get; init; }
    public string? PrimaryMetric { get; init; }
    public bool HigherIsBetter { get; init; }
    public double? PublicScore { get; init; }
    public double? PrivateScore { get; init; }
    public string? ScoresJson { get; init; }

    /// <summary>The per-group values of this scoring (<see cref="Leaderboards.GroupResults"/>), so a rescore switches them with the scores.</summary>
    public string? GroupsJson { get; init; }

    /// <summary>The reason of a rejection or failure.</summary>
    public string? Message { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
