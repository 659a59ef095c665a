namespace DataChallenge.Scoring.Internals;

/// <summary>Dispatches a metric name and task type to the metric's factory in <see cref="MetricRegistry"/>.</summary>
internal static class MetricTable
{
    /// <summary>True when the metric is implemented for the task type.</summary>
    public static bool Supports(string taskType, string metric) => MetricRegistry.Find(metric)?.FactoryFor(taskType) is not null;

    public static PreparedMetric Prepare(string metric, ScoringData data, ScoringConfig config)
        => MetricRegistry.Find(metric)?.FactoryFor(config.TaskType) is { } create
            ? create(data, config)
            : throw new ScoringConfigException($"Metric '{metric}' is not available for task_type {config.TaskType}.");

    /// <summary>The metric's 95 % interval on the data by its registered method; null when it has none there.</summary>
    public static ConfidenceInterval? Interval(string metric, ScoringData data, ScoringConfig config, IntervalRequest request)
        => MetricRegistry.Find(metric) is { } definition && definition.FactoryFor(config.TaskType) is { } create
            ? definition.IntervalFor(config.TaskType)!(data, config, create, request)
            : throw new ScoringConfigException($"Metric '{metric}' is not available for task_type {config.TaskType}.");
}
