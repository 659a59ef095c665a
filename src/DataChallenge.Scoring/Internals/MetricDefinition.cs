using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>A metric bound to one data set, evaluated under any weighting (bootstrap resamples pass counts).</summary>
internal delegate MetricResult PreparedMetric(ReadOnlySpan<double> weight);

/// <summary>Binds a metric to a data set scored under a configuration; any work shared by every weighting is done here.</summary>
internal delegate PreparedMetric MetricFactory(ScoringData data, ScoringConfig config);

/// <summary>
/// A metric's 95 % interval on a data set by the method its structure allows; null when it has none there (the value
/// is undefined, or intervals are off).
/// </summary>
internal delegate ConfidenceInterval? IntervalFactory(ScoringData data, ScoringConfig config, MetricFactory create, IntervalRequest request);

/// <summary>
/// One metric: its name, whether more is better, and for each task type it fits the factory that binds it to that
/// task's data and the method of its interval there. An alias shares its canonical metric's factories and direction
/// under another name.
/// </summary>
internal sealed record MetricDefinition(string Name, bool HigherIsBetter, IReadOnlyList<(string TaskType, MetricFactory Create, IntervalFactory Interval)> Fits)
{
    public string Canonical { get; private init; } = Name;

    public IEnumerable<string> TaskTypes => Fits.Select(f => f.TaskType);

    public MetricFactory? FactoryFor(string taskType)
    {
        foreach (var (task, create, _) in Fits)
            if (task == taskType) return create;
        return null;
    }

    public IntervalFactory? IntervalFor(string taskType)
    {
        foreach (var (task, _, interval) in Fits)
            if (task == taskType) return interval;
        return null;
    }

    public MetricDefinition AliasedAs(string alias) => this with { Name = alias };
}
