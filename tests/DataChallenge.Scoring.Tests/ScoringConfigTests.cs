namespace DataChallenge.Scoring.Tests;

public sealed class ScoringConfigTests
{
    [Fact]
    public void Parse_ReadsEveryKey_WhenDocumentIsComplete()
    {
        var config = ScoringConfig.Parse("""
            {"task_type": "binary_proba", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["p"],
             "threshold": 0.3, "metrics": ["roc_auc", "f1"], "primary_metric": "f1",
             "split_column": "Usage", "group_column": "hospital"}
            """);

        Assert.Equal("binary_proba", config.TaskType);
        Assert.Equal(["y"], config.LabelColumns);
        Assert.Equal(["p"], config.PredictionColumns);
        Assert.Equal(0.3, config.Threshold);
        Assert.Equal(["roc_auc", "f1"], config.Metrics);
        Assert.Equal("f1", config.PrimaryMetric);
        Assert.Equal("Usage", config.SplitColumn);
        Assert.Equal("hospital", config.GroupColumn);
    }

    [Fact]
    public void Parse_DefaultsThreshold_WhenAbsent()
        => Assert.Equal(0.5, ScoringConfig.Parse(ScoringFixture.BinaryConfig).Threshold);

    [Fact]
    public void Parse_KeepsNumberText_WhenClassesAreNumbers()
    {
        var config = ScoringConfig.Parse("""
            {"task_type": "multiclass_label", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"],
             "classes": [0, 1, "two"], "metrics": ["accuracy"], "primary_metric": "accuracy"}
            """);

        Assert.Equal(["0", "1", "two"], config.Classes);
    }

    [Theory]
    [InlineData("\"colour\": 1", "Unknown key 'colour'")]
    [InlineData("\"metrics\": [\"roc_auc\", \"speed\"]", "Unknown metric 'speed'")]
    [InlineData("\"metrics\": [\"roc_auc\", \"rmse\"]", "'rmse' does not fit task_type binary_proba")]
    [InlineData("\"threshold\": 1.5", "'threshold' must lie between 0 and 1")]
    [InlineData("\"split_column\": \"id\"", "'split_column' must name a column of its own")]
    public void Parse_Throws_WhenDocumentBreaksARule(string change, string expected)
    {
        var json = ScoringFixture.BinaryConfig.TrimEnd().TrimEnd('}');
        json = json.Replace("\"metrics\": [\"roc_auc\", \"log_loss\", \"accuracy\"],", string.Empty) + ", " + change + "}";
        if (!change.Contains("metrics", StringComparison.Ordinal)) json = json.TrimEnd('}') + ", \"metrics\": [\"roc_auc\"]}";

        var error = Assert.Throws<ScoringConfigException>(() => ScoringConfig.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"task_type": "ranking", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"], "metrics": ["roc_auc"], "primary_metric": "roc_auc"}""", "Unknown task_type 'ranking'")]
    [InlineData("""{"task_type": "binary_proba", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"], "metrics": ["roc_auc"], "primary_metric": "log_loss"}""", "'primary_metric' (log_loss) must be one of 'metrics'")]
    [InlineData("""{"task_type": "binary_proba", "label_columns": ["y"], "prediction_columns": ["y"], "metrics": ["roc_auc"], "primary_metric": "roc_auc"}""", "needs 'id_column'")]
    [InlineData("""{"task_type": "multiclass_label", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"], "metrics": ["accuracy"], "primary_metric": "accuracy"}""", "needs 'classes'")]
    [InlineData("""{"task_type": "multiclass_proba", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["a", "c"], "classes": ["a", "b"], "metrics": ["log_loss"], "primary_metric": "log_loss"}""", "one probability column per class")]
    [InlineData("""{"task_type": "cost_matrix_onehot", "id_column": "id", "label_columns": ["0", "1"], "prediction_columns": ["0", "1"], "cost_matrix": [[0, 1]], "metrics": ["accuracy"], "primary_metric": "accuracy"}""", "'cost_matrix' must be a 2×2 matrix")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    [InlineData("""{"task_type": """, "not valid JSON")]
    public void Parse_Throws_WhenDocumentCannotScore(string json, string expected)
    {
        var error = Assert.Throws<ScoringConfigException>(() => ScoringConfig.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_RoundTrips_WhenEveryKeyIsSet()
    {
        var config = ScoringConfig.Parse("""
            {"task_type": "cost_matrix_onehot", "id_column": "filename", "label_columns": ["0", "1"],
             "prediction_columns": ["0", "1"], "classes": ["0", "1"], "cost_matrix": [[0, 0.5], [1, 0]],
             "metrics": ["tissuenet_score", "accuracy"], "primary_metric": "tissuenet_score", "group_column": "site"}
            """);

        var again = ScoringConfig.Parse(config.ToJson());

        Assert.Equal(config.ToJson(), again.ToJson());
        Assert.Equal(0.5, again.CostMatrix![0][1]);
        Assert.Equal("site", again.GroupColumn);
    }

    [Theory]
    [InlineData("roc_auc", true)]
    [InlineData("log_loss", false)]
    [InlineData("rmse", false)]
    [InlineData("tissuenet_score", true)]
    public void HigherIsBetter_ReportsDirection_WhenMetricIsKnown(string metric, bool expected)
        => Assert.Equal(expected, MetricCatalog.HigherIsBetter(metric));
}
