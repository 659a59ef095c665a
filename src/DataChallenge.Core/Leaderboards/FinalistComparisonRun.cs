namespace DataChallenge.Core.Leaderboards;

/// <summary>
/// A paired comparison of a phase's finalists, started at the close or by an organiser and run by a worker off the
/// scoring path. The latest one is shown on the private board.
/// </summary>
public sealed class FinalistComparisonRun
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PhaseId { get; init; }
    public Guid? RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public int Resamples { get; init; }

    /// <summary>The hidden labels it compares against.</summary>
    public int LabelsVersion { get; init; }

    /// <summary>
    /// The labels version of a run started by itself at the close, null for an organiser's. Unique per phase, so a
    /// repeated trigger cannot start a second run for the same labels.
    /// </summary>
    public int? AutomaticForLabelsVersion { get; init; }

    /// <summary><c>rows</c>, or <c>groups</c> when whole centres are resampled.</summary>
    public required string ResampledUnit { get; init; }

    /// <summary>Share of resamples done, 0 to 1, as last reported by the worker.</summary>
    public double Progress { get; set; }

    /// <summary>When the worker last reported progress; a run silent for too long is failed as stuck.</summary>
    public DateTimeOffset? LastProgressAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The metric compared and the standings (<see cref="FinalistComparisonOutcome"/> as JSON), set at completion.</summary>
    public string? ResultJson { get; set; }

    /// <summary>Why the comparison could not be made, when it could not.</summary>
    public string? Error { get; set; }
}

/// <summary>What a completed comparison found; stored as JSON on its run.</summary>
public sealed record FinalistComparisonOutcome(string Metric, bool HigherIsBetter, IReadOnlyList<FinalistComparisonStanding> Standings);

/// <summary>One finalist's place in a comparison; see <see cref="FinalistBoard"/> for how it is shown.</summary>
public sealed record FinalistComparisonStanding(Guid TeamId, Guid SubmissionId, int Rank, double? Value, double? Lower, double? Upper, int RankLower,
    int RankUpper, double? ProbabilityBetterThanNext, int TiedGroup);
