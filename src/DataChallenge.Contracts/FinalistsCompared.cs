namespace DataChallenge.Contracts;

/// <summary>
/// The outcome of <see cref="CompareFinalists"/>: the standings best first, or, when a file or the configuration could
/// not be used, the reason in <see cref="Error"/> and no standings.
/// </summary>
public sealed record FinalistsCompared
{
    public required Guid ComparisonId { get; init; }
    public required Guid PhaseId { get; init; }
    public required string Metric { get; init; }
    public required bool HigherIsBetter { get; init; }
    public required int Resamples { get; init; }

    /// <summary><c>rows</c> or <c>groups</c>: what each resample drew with replacement.</summary>
    public required string ResampledUnit { get; init; }
    public required IReadOnlyList<FinalistResult> Standings { get; init; }
    public string? Error { get; init; }
}

/// <summary>One finalist's place: value and 95 % interval, 95 % rank interval, chance of beating the next, tied group.</summary>
public sealed record FinalistResult(Guid TeamId, Guid SubmissionId, int Rank, double? Value, double? Lower, double? Upper, int RankLower, int RankUpper,
    double? ProbabilityBetterThanNext, int TiedGroup);
