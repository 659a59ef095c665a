namespace DataChallenge.Scoring;

/// <summary>How one scoring run behaves beyond the phase's configuration.</summary>
public sealed record ScoreOptions
{
    /// <summary>Name used for the labels file in rejection messages.</summary>
    public string LabelsFileName { get; init; } = "labels";

    /// <summary>Name used for the predictions file in rejection messages.</summary>
    public string PredictionsFileName { get; init; } = "predictions";

    /// <summary>Resamples of the interval methods that resample (multinomial, bootstrap); 0 turns every interval off.</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Seed of the resampled intervals; derive it from the submission so a rescore gives the same intervals.</summary>
    public ulong Seed { get; init; }

    /// <summary>Groups smaller than this are reported as suppressed, never with a value.</summary>
    public int MinGroupSize { get; init; } = 10;

    /// <summary>
    /// Threads the intervals may use, and above 1 the readers too (two halves of a large file at once); a host that
    /// scores other files meanwhile leaves them a core.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>When set, only this metric is computed.</summary>
    public string? OnlyMetric { get; init; }
}
