namespace DataChallenge.Scoring;

/// <summary>
/// How an interval was obtained; each metric's method follows from its structure (see README, "Intervals").
/// </summary>
public static class IntervalMethods
{
    /// <summary>Percentile bootstrap over the confusion matrix's cells: one multinomial draw of the counts per resample.</summary>
    public const string Multinomial = "multinomial";

    /// <summary>Normal approximation from the variance of the per-row losses (a mean, or a monotone function of one).</summary>
    public const string NormalVariance = "normal (variance)";

    /// <summary>Normal approximation from DeLong's variance of the ROC AUC (Sun and Xu's O(n log n) algorithm).</summary>
    public const string DeLong = "DeLong";

    /// <summary>Normal approximation from the variance of the metric's influence function, computed on the ranking once.</summary>
    public const string NormalInfluence = "normal (influence function)";

    /// <summary>Percentile bootstrap: rows drawn with replacement and the metric recomputed on each resample.</summary>
    public const string Bootstrap = "bootstrap";

    /// <summary>Every method's name.</summary>
    public static IReadOnlyList<string> All { get; } = [Multinomial, NormalVariance, DeLong, NormalInfluence, Bootstrap];
}
