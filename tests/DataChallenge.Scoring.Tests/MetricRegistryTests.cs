using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring.Tests;

/// <summary>
/// Every row of the metric registry scores real files of each task type it names, and its declared direction agrees
/// with what the metric does: a file equal to the labels must score better than a flawed one.
/// </summary>
public sealed class MetricRegistryTests
{
    // One labels file and one flawed prediction file per task type, with both classes in every column, so that every
    // metric is defined on them. Predictions equal to the labels are perfect, except for probabilities of named classes.
    private static readonly Dictionary<string, (string Config, string Labels, string Predictions)> Samples = new(StringComparer.Ordinal)
    {
        [TaskTypes.BinaryProba] = (
            """{"task_type": "binary_proba", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"]""",
            "id,y\n1,0\n2,1\n3,0\n4,1\n", "id,y\n1,0.2\n2,0.7\n3,0.6\n4,0.4\n"),
        [TaskTypes.MulticlassLabel] = (
            """{"task_type": "multiclass_label", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"], "classes": ["a", "b", "c"]""",
            "id,y\n1,a\n2,b\n3,c\n4,a\n5,b\n6,c\n", "id,y\n1,a\n2,b\n3,b\n4,a\n5,c\n6,c\n"),
        [TaskTypes.MulticlassProba] = (
            """{"task_type": "multiclass_proba", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["a", "b", "c"], "classes": ["a", "b", "c"]""",
            "id,y\n1,a\n2,b\n3,c\n4,a\n", "id,a,b,c\n1,0.6,0.3,0.1\n2,0.2,0.5,0.3\n3,0.4,0.4,0.2\n4,0.3,0.3,0.4\n"),
        [TaskTypes.Regression] = (
            """{"task_type": "regression", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"]""",
            "id,y\n1,1\n2,2\n3,3\n4,4\n", "id,y\n1,1.5\n2,2\n3,2.5\n4,5\n"),
        [TaskTypes.MultilabelLabel] = (
            """{"task_type": "multilabel_label", "id_column": "id", "label_columns": ["a", "b"], "prediction_columns": ["a", "b"]""",
            "id,a,b\n1,1,0\n2,0,1\n3,1,1\n4,0,0\n", "id,a,b\n1,1,1\n2,0,1\n3,0,1\n4,1,0\n"),
        [TaskTypes.MultilabelProba] = (
            """{"task_type": "multilabel_proba", "id_column": "id", "label_columns": ["a", "b"], "prediction_columns": ["a", "b"]""",
            "id,a,b\n1,1,0\n2,0,1\n3,1,1\n4,0,0\n", "id,a,b\n1,0.9,0.2\n2,0.1,0.3\n3,0.4,0.8\n4,0.6,0.1\n"),
        [TaskTypes.CostMatrixOnehot] = (
            """{"task_type": "cost_matrix_onehot", "id_column": "id", "label_columns": ["0", "1"], "prediction_columns": ["0", "1"], "cost_matrix": [[0, 1], [0.5, 0]]""",
            "id,0,1\n1,1,0\n2,0,1\n3,1,0\n", "id,0,1\n1,1,0\n2,1,0\n3,0,1\n"),
        [TaskTypes.RleMask] = (
            """{"task_type": "rle_mask", "id_column": "id", "label_columns": ["m"], "prediction_columns": ["m"], "height": 4, "width": 4""",
            "id,m\na,1 4\nb,5 2\n", "id,m\na,3 4\nb,\n"),
    };

    public static TheoryData<string, string> RegisteredPairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var metric in MetricRegistry.All)
            foreach (var taskType in metric.TaskTypes) pairs.Add(metric.Name, taskType);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(RegisteredPairs))]
    public void Score_RanksAPerfectFileAboveAFlawedOne_InEveryRegisteredMetricsDeclaredDirection(string metric, string taskType)
    {
        var declared = MetricRegistry.Find(metric)!;
        var (config, labels, predictions) = Samples[taskType];

        var only = config + $$""", "metrics": ["{{metric}}"], "primary_metric": "{{metric}}"}""";
        var perfect = taskType == TaskTypes.MulticlassProba ? "id,a,b,c\n1,1,0,0\n2,0,1,0\n3,0,0,1\n4,1,0,0\n" : labels;

        var flawed = ScoringFixture.Score(labels, predictions, only);
        var best = ScoringFixture.Score(labels, perfect, only);

        var (flawedValue, bestValue) = (Defined(flawed, metric, taskType), Defined(best, metric, taskType));
        Assert.True(declared.HigherIsBetter ? bestValue > flawedValue : bestValue < flawedValue,
            $"{metric} on {taskType}: perfect {bestValue}, flawed {flawedValue}, declared higher-is-better {declared.HigherIsBetter}");
        Assert.Equal(declared.HigherIsBetter, flawed.HigherIsBetter);
        Assert.Equal(declared.HigherIsBetter, MetricCatalog.HigherIsBetter(metric));
        Assert.Contains(metric, MetricCatalog.MetricsFor(taskType));
    }

    [Theory]
    [MemberData(nameof(RegisteredPairs))]
    public void Score_GivesAnIntervalByANamedMethod_InEveryRegisteredMetric(string metric, string taskType)
    {
        var (config, labels, predictions) = Samples[taskType];
        var only = config + $$""", "metrics": ["{{metric}}"], "primary_metric": "{{metric}}"}""";

        var report = ScoringFixture.Score(labels, predictions, only, new ScoreOptions { BootstrapResamples = 200, Seed = 1 });

        var interval = Assert.Contains(metric, report.Intervals);
        Assert.Equal(interval, report.Interval);
        Assert.Contains(interval.Method, IntervalMethods.All);
        Assert.True(interval.Lower <= interval.Upper, $"{metric} on {taskType}: [{interval.Lower}, {interval.Upper}]");
    }

    private static double Defined(ScoreReport report, string metric, string taskType)
    {
        var result = report.Metrics[metric];
        Assert.True(result.Value is { } value && double.IsFinite(value), $"{metric} on {taskType}: {result.UndefinedReason}");
        return result.Value!.Value;
    }

    [Fact]
    public void Registry_CoversEveryTaskType_WithNoOtherTaskType()
    {
        var named = MetricRegistry.All.SelectMany(m => m.TaskTypes).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(TaskTypes.All.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
        Assert.All(TaskTypes.All, t => Assert.True(Samples.ContainsKey(t), $"no sample files for {t}"));
    }

    [Fact]
    public void Canonical_NamesTheSharedMetric_WhenTheNameIsAnAlias()
    {
        Assert.Equal("cost_matrix_score", MetricCatalog.Canonical("tissuenet_score"));
        Assert.Equal("roc_auc", MetricCatalog.Canonical("roc_auc"));
        Assert.True(MetricCatalog.HigherIsBetter("a_program_metric"));
        Assert.False(MetricCatalog.IsKnown("a_program_metric"));
    }
}
