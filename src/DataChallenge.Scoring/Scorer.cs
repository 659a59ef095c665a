using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring;

/// <summary>Scores a predictions file against a labels file. The same entry point serves the worker and the CLI.</summary>
public static class Scorer
{
    /// <summary>Reads both streams, validates them, joins them by id and computes the configured metrics.</summary>
    /// <exception cref="SubmissionRejectedException">A file breaks an input rule; the message names file, line and column.</exception>
    /// <exception cref="ScoringConfigException">The configuration, or the metric asked for, cannot be used.</exception>
    public static ScoreReport Score(Stream labels, Stream predictions, ScoringConfig config, ScoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(config);
        options ??= new ScoreOptions();
        config.Validate();
        var metrics = MetricsToCompute(config, options);
        var primary = options.OnlyMetric ?? config.PrimaryMetric;

        var layout = new TaskLayout(config);
        var parallel = options.MaxDegreeOfParallelism > 1;
        var table = Readers.Labels(labels, config, layout, options.LabelsFileName, parallel, cancellationToken);
        var data = Readers.Predictions(predictions, config, layout, table, options.PredictionsFileName, parallel, cancellationToken);

        var all = Compute(metrics, data, config);
        var splits = table.Split is null ? null : SplitResults(table.Split, metrics, data, config, all);
        var intervalData = table.Split is null ? data : data.Gather(Readers.RowsWhere(table.Split, 0));
        var request = new IntervalRequest(options.BootstrapResamples, options.Seed, options.MaxDegreeOfParallelism, cancellationToken);
        var intervals = Intervals(metrics, intervalData, config, request);
        var groups = table.Group is null ? null : GroupScores.Compute(table, primary, data, config, options.MinGroupSize);

        return new ScoreReport
        {
            PrimaryMetric = primary,
            HigherIsBetter = MetricCatalog.HigherIsBetter(primary),
            Metrics = all,
            Splits = splits,
            Interval = intervals.TryGetValue(primary, out var interval) ? interval : null,
            Intervals = intervals,
            Groups = groups?["all"],
            SplitGroups = table.Split is null ? null : groups,
            Rows = data.Rows,
        };
    }

    private static IReadOnlyList<string> MetricsToCompute(ScoringConfig config, ScoreOptions options)
    {
        if (options.OnlyMetric is not { } only) return config.Metrics;
        if (!MetricCatalog.Fits(config.TaskType, only))
            throw new ScoringConfigException(
                $"Metric '{only}' does not fit task_type {config.TaskType}; it accepts {string.Join(", ", MetricCatalog.MetricsFor(config.TaskType))}.");
        return [only];
    }

    private static Dictionary<string, MetricResult> Compute(IReadOnlyList<string> metrics, ScoringData data, ScoringConfig config)
    {
        var results = new Dictionary<string, MetricResult>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            results[metric] = data.Rows == 0
                ? MetricResult.Undefined("there are no rows to score")
                : MetricTable.Prepare(metric, data, config)([]);
        }

        return results;
    }

    private static Dictionary<string, ConfidenceInterval> Intervals(IReadOnlyList<string> metrics, ScoringData data, ScoringConfig config, IntervalRequest request)
    {
        var intervals = new Dictionary<string, ConfidenceInterval>(StringComparer.Ordinal);
        if (request.Resamples <= 0 || data.Rows == 0) return intervals;
        foreach (var metric in metrics)
        {
            if (MetricTable.Interval(metric, data, config, request) is { } interval) intervals[metric] = interval;
        }

        return intervals;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, MetricResult>> SplitResults(
        byte[] split, IReadOnlyList<string> metrics, ScoringData data, ScoringConfig config, Dictionary<string, MetricResult> all)
        => new(StringComparer.Ordinal)
        {
            ["public"] = Compute(metrics, data.Gather(Readers.RowsWhere(split, 0)), config),
            ["private"] = Compute(metrics, data.Gather(Readers.RowsWhere(split, 1)), config),
            ["all"] = all,
        };
}
