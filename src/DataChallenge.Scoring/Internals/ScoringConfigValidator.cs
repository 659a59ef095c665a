namespace DataChallenge.Scoring.Internals;

/// <summary>Refuses configurations that could not score, before any file is read.</summary>
internal static class ScoringConfigValidator
{
    public static void Validate(ScoringConfig config)
    {
        if (!TaskTypes.All.Contains(config.TaskType, StringComparer.Ordinal))
            Fail($"Unknown task_type '{config.TaskType}'; known task types are {string.Join(", ", TaskTypes.All)}.");
        if (string.IsNullOrWhiteSpace(config.IdColumn)) Fail("'id_column' must not be empty.");
        CheckColumnList("label_columns", config.LabelColumns);
        CheckColumnList("prediction_columns", config.PredictionColumns);
        if (config.LabelColumns.Contains(config.IdColumn, StringComparer.Ordinal) || config.PredictionColumns.Contains(config.IdColumn, StringComparer.Ordinal))
            Fail("'id_column' must not also be a label or prediction column.");
        CheckLayout(config);
        CheckMetrics(config);
        CheckExtraColumn("split_column", config.SplitColumn, config);
        CheckExtraColumn("group_column", config.GroupColumn, config);
        if (config.SplitColumn is not null && config.SplitColumn == config.GroupColumn)
            Fail("'split_column' and 'group_column' must name different columns.");
    }

    private static void CheckLayout(ScoringConfig config)
    {
        var labels = config.LabelColumns.Count;
        var predictions = config.PredictionColumns.Count;
        switch (config.TaskType)
        {
            case TaskTypes.BinaryProba:
                ExpectOne(config);
                if (double.IsNaN(config.Threshold) || config.Threshold < 0 || config.Threshold > 1)
                    Fail("'threshold' must lie between 0 and 1.");
                break;
            case TaskTypes.Regression:
                ExpectOne(config);
                break;
            case TaskTypes.MulticlassLabel:
                ExpectOne(config);
                RequireClasses(config);
                break;
            case TaskTypes.MulticlassProba:
                if (labels != 1) Fail("'label_columns' must name exactly one column for multiclass_proba.");
                var classes = RequireClasses(config);
                if (predictions != classes.Count || !classes.All(c => config.PredictionColumns.Contains(c, StringComparer.Ordinal)))
                    Fail("'prediction_columns' must name one probability column per class, named as the classes.");
                break;
            case TaskTypes.MultilabelLabel:
            case TaskTypes.MultilabelProba:
                if (labels != predictions)
                    Fail("'label_columns' and 'prediction_columns' must have the same length; they pair up by position.");
                break;
            case TaskTypes.CostMatrixOnehot:
                if (labels != predictions || labels < 2)
                    Fail("'label_columns' and 'prediction_columns' must both name the same number (at least 2) of one-hot class columns.");
                if (config.Classes is { } named && named.Count != labels)
                    Fail("'classes' must name as many classes as there are one-hot columns.");
                if (config.CostMatrix is not { } cost || cost.Count != labels || cost.Any(row => row.Count != labels))
                    Fail($"'cost_matrix' must be a {labels}×{labels} matrix, cost_matrix[true][predicted].");
                if (config.CostMatrix!.Any(row => row.Any(c => !double.IsFinite(c))))
                    Fail("'cost_matrix' must hold finite numbers.");
                break;
            case TaskTypes.RleMask:
                ExpectOne(config);
                if (config.Height is not > 0 || config.Width is not > 0)
                    Fail("rle_mask needs positive 'height' and 'width' (pixels).");
                break;
        }
    }

    private static void ExpectOne(ScoringConfig config)
    {
        if (config.LabelColumns.Count != 1 || config.PredictionColumns.Count != 1)
            Fail($"'label_columns' and 'prediction_columns' must each name exactly one column for {config.TaskType}.");
    }

    private static IReadOnlyList<string> RequireClasses(ScoringConfig config)
    {
        if (config.Classes is not { Count: >= 2 } classes)
            Fail($"{config.TaskType} needs 'classes', at least two class names in order.");
        var list = config.Classes!;
        if (list.Distinct(StringComparer.Ordinal).Count() != list.Count) Fail("'classes' must not repeat a class.");
        if (list.Any(string.IsNullOrWhiteSpace)) Fail("'classes' must not hold an empty name.");
        return list;
    }

    private static void CheckMetrics(ScoringConfig config)
    {
        if (config.Metrics.Count == 0) Fail("'metrics' must name at least one metric.");
        foreach (var metric in config.Metrics)
        {
            if (!MetricCatalog.IsKnown(metric))
                Fail($"Unknown metric '{metric}'; {config.TaskType} accepts {string.Join(", ", MetricCatalog.MetricsFor(config.TaskType))}.");
            if (!MetricCatalog.Fits(config.TaskType, metric))
                Fail($"Metric '{metric}' does not fit task_type {config.TaskType}; it accepts {string.Join(", ", MetricCatalog.MetricsFor(config.TaskType))}.");
        }

        if (config.Metrics.Distinct(StringComparer.Ordinal).Count() != config.Metrics.Count)
            Fail("'metrics' must not repeat a metric.");
        if (!config.Metrics.Contains(config.PrimaryMetric, StringComparer.Ordinal))
            Fail($"'primary_metric' ({config.PrimaryMetric}) must be one of 'metrics'.");
    }

    private static void CheckColumnList(string key, IReadOnlyList<string> columns)
    {
        if (columns.Count == 0) Fail($"'{key}' must name at least one column.");
        if (columns.Any(string.IsNullOrWhiteSpace)) Fail($"'{key}' must not hold an empty column name.");
        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Count) Fail($"'{key}' must not repeat a column.");
    }

    private static void CheckExtraColumn(string key, string? column, ScoringConfig config)
    {
        if (column is null) return;
        if (string.IsNullOrWhiteSpace(column)) Fail($"'{key}' must not be empty.");
        if (column == config.IdColumn || config.LabelColumns.Contains(column, StringComparer.Ordinal))
            Fail($"'{key}' must name a column of its own in the labels file, not the id or a label column.");
    }

    private static void Fail(string message) => throw new ScoringConfigException(message);
}
