namespace DataChallenge.Scoring;

/// <summary>How <see cref="FinalistComparison.Compare"/> resamples.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The metric compared; the configuration's primary metric when null.</summary>
    public string? Metric { get; init; }

    /// <summary>Paired resamples (default 1000).</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>Seed of the resamples; the same seed gives the same result.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// When set, whole groups of this labels column (centres, hospitals) are drawn with replacement instead of rows,
    /// so the interval reflects how results vary between centres as well as between patients.
    /// </summary>
    public string? GroupColumn { get; init; }

    /// <summary>With a split column: which rows are compared, <c>"private"</c> (default), <c>"public"</c> or <c>"all"</c>.</summary>
    public string Split { get; init; } = "private";

    /// <summary>Threads the resamples may use.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Names used for the files in rejection messages.</summary>
    public string LabelsFileName { get; init; } = "labels";
}

/// <summary>One finalist's predictions file; its name in rejection messages is <see cref="Team"/>.</summary>
public sealed record FinalistPredictions(string Team, Stream Predictions);
