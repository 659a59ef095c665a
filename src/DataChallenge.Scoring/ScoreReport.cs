namespace DataChallenge.Scoring;

/// <summary>What a scoring run produced.</summary>
public sealed record ScoreReport
{
    /// <summary>The primary metric's name.</summary>
    public required string PrimaryMetric { get; init; }

    /// <summary>True when a larger value of the primary metric is better.</summary>
    public required bool HigherIsBetter { get; init; }

    /// <summary>Every computed metric on all rows.</summary>
    public required IReadOnlyDictionary<string, MetricResult> Metrics { get; init; }

    /// <summary>With a split column: metrics per split, keyed "public", "private" and "all".</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, MetricResult>>? Splits { get; init; }

    /// <summary>95 % interval of the primary metric on all rows (on the public split when there are splits).</summary>
    public ConfidenceInterval? Interval { get; init; }

    /// <summary>
    /// 95 % interval of every computed metric that has one, on the same rows as <see cref="Interval"/>; each says which
    /// method gave it. Empty when intervals are off; a metric whose value is undefined has none.
    /// </summary>
    public IReadOnlyDictionary<string, ConfidenceInterval> Intervals { get; init; } = new Dictionary<string, ConfidenceInterval>();

    /// <summary>With a group column: the primary metric per group.</summary>
    public IReadOnlyList<GroupResult>? Groups { get; init; }

    /// <summary>
    /// With a group column and a split column: the primary metric per group within each split, keyed "public", "private"
    /// and "all" (the same as <see cref="Groups"/>). Each split suppresses the groups that have too few rows in it.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<GroupResult>>? SplitGroups { get; init; }

    /// <summary>Number of rows scored.</summary>
    public required int Rows { get; init; }
}

/// <summary>A metric's value, or why it has none.</summary>
public readonly record struct MetricResult(double? Value, string? UndefinedReason)
{
    public static MetricResult Of(double value) => new(value, null);
    public static MetricResult Undefined(string reason) => new(null, reason);
}

/// <summary>
/// A confidence interval and the method that gave it (<see cref="IntervalMethods"/>). <see cref="Resamples"/> counts
/// the resamples used by a resampling method and is 0 for the analytic ones (normal, DeLong).
/// </summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level, int Resamples)
{
    /// <summary>One of <see cref="IntervalMethods"/>.</summary>
    public string Method { get; init; } = IntervalMethods.Bootstrap;
}

/// <summary>The primary metric on one group; <see cref="Suppressed"/> groups carry no value.</summary>
public sealed record GroupResult(string Group, int Rows, bool Suppressed, MetricResult? Primary);
