using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>A metric bound to one data set, evaluated under any weighting (bootstrap resamples pass counts).</summary>
internal delegate MetricResult PreparedMetric(ReadOnlySpan<double> weight);

/// <summary>Binds a metric to a data set scored under a configuration; any work shared by every weighting is done here.</summary>
internal delegate PreparedMetric MetricFactory(ScoringData data, ScoringConfig config);

/// <summary>
/// One metric: its name, whether more is better, and for each task type it fits the factory that binds it to that
/// task's data. An alias shares its canonical metric's factories and direction under another name.
/// </summary>
internal sealed record MetricDefinition(string Name, bool HigherIsBetter, IReadOnlyList<(string TaskType, MetricFactory Create)> Fits)
{
    public string Canonical { get; private init; } = Name;

    public IEnumerable<string> TaskTypes => Fits.Select(f => f.TaskType);

    public MetricFactory? FactoryFor(string taskType)
    {
        foreach (var (task, create) in Fits)
            if (task == taskType) return create;
        return null;
    }

    public MetricDefinition AliasedAs(string alias) => this with { Name = alias };
}
