using System.Text;
using static DataChallenge.Scoring.Tests.ScoringFixture;

namespace DataChallenge.Scoring.Tests;

public sealed class ScorerTests
{
    [Fact]
    public void Score_AlignsById_WhenPredictionRowsAreShuffled()
    {
        // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of the 4 pairs are ordered right.
        var report = Score(FourLabels, FourPredictions);

        Assert.Equal(0.75, report.Metrics["roc_auc"].Value!.Value, 12);
        Assert.Equal(0.75, report.Metrics["accuracy"].Value!.Value, 12);
        Assert.Equal(4, report.Rows);
        Assert.Equal("roc_auc", report.PrimaryMetric);
        Assert.True(report.HigherIsBetter);
        Assert.Null(report.Splits);
        Assert.Null(report.Interval);
    }

    [Fact]
    public void Score_ReturnsUndefined_WhenTruthHasOneClass()
    {
        var report = Score("id,target\na,1\nb,1\n", "id,target\na,0.2\nb,0.9\n");

        Assert.Null(report.Metrics["roc_auc"].Value);
        Assert.Contains("undefined", report.Metrics["roc_auc"].UndefinedReason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Score_AcceptsBomCrlfQuotesAndPadding_WhenFileIsWellFormed()
    {
        var labels = "\uFEFF id , target \r\n1,0\r\n2,0\r\n\"3\",1\r\n4 ,\t1\r\n\r\n\r\n";
        var predictions = "target,id\n\"0.8\",4\n0.1,\" 1\"\n3.5e-1,3\n+0.4,2";

        var report = Score(labels, predictions.Replace("\" 1\"", "1", StringComparison.Ordinal));

        Assert.Equal(0.75, report.Metrics["roc_auc"].Value!.Value, 12);
    }

    [Fact]
    public void Score_TreatsQuotedFieldsAsText_WhenTheyHoldSeparatorsAndNewlines()
    {
        var labels = "id,target\n\"a,1\",0\n\"b\nc\",1\n\"say \"\"hi\"\"\",1\n";
        var predictions = "id,target\n\"say \"\"hi\"\"\",0.9\n\"b\nc\",0.8\n\"a,1\",0.1\n";

        var report = Score(labels, predictions);

        Assert.Equal(1.0, report.Metrics["roc_auc"].Value!.Value, 12);
    }

    [Fact]
    public void Score_ReadsForwardOnlyStreams_WhenRowsCrossReadBoundaries()
    {
        var labels = new StringBuilder("id,target\n");
        var predictions = new StringBuilder("id,target\n");
        for (var i = 0; i < 3000; i++)
        {
            labels.Append("row-").Append(i).Append(',').Append(i % 2).Append('\n');
            predictions.Append("\"row-").Append(2999 - i).Append("\" ,  ").Append((2999 - i) % 2 == 1 ? "0.9" : "0.1").Append(" \r\n");
        }

        var report = Scorer.Score(
            new ForwardOnlyStream(Encoding.UTF8.GetBytes(labels.ToString()), 7),
            new ForwardOnlyStream(Encoding.UTF8.GetBytes(predictions.ToString()), 13),
            ScoringConfig.Parse(BinaryConfig), NoInterval, TestContext.Current.CancellationToken);

        Assert.Equal(1.0, report.Metrics["roc_auc"].Value!.Value, 12);
        Assert.Equal(3000, report.Rows);
    }

    [Fact]
    public void Score_ComputesEachSplit_WhenSplitColumnIsSet()
    {
        var labels = "id,target,Usage\n1,0,Public\n2,1,Public\n3,0,Private\n4,1,Private\n";
        var predictions = "id,target\n1,0.2\n2,0.7\n3,0.9\n4,0.1\n";

        var report = Score(labels, predictions, BinarySplitConfig);

        Assert.NotNull(report.Splits);
        Assert.Equal(1.0, report.Splits["public"]["roc_auc"].Value!.Value, 12);
        Assert.Equal(0.0, report.Splits["private"]["roc_auc"].Value!.Value, 12);
        Assert.Equal(0.25, report.Splits["all"]["roc_auc"].Value!.Value, 12);
        Assert.Equal(report.Metrics["roc_auc"], report.Splits["all"]["roc_auc"]);
    }

    [Fact]
    public void Score_ComputesOnlyTheAskedMetric_WhenOnlyMetricIsSet()
    {
        var report = Score(FourLabels, FourPredictions, options: NoInterval with { OnlyMetric = "log_loss" });

        Assert.Equal(["log_loss"], report.Metrics.Keys);
        Assert.Equal("log_loss", report.PrimaryMetric);
        Assert.False(report.HigherIsBetter);
    }

    [Fact]
    public void Score_GivesTheSameInterval_WhenSeedIsTheSame()
    {
        var (labels, predictions) = NoisyBinary(400);
        // F1's interval resamples (its confusion matrix), so the seed matters.
        var options = new ScoreOptions { BootstrapResamples = 200, Seed = 42, OnlyMetric = "f1" };

        var first = Score(labels, predictions, options: options).Interval;
        var second = Score(labels, predictions, options: options).Interval;
        var other = Score(labels, predictions, options: options with { Seed = 7 }).Interval;
        var point = Score(labels, predictions, options: options with { BootstrapResamples = 0 }).Metrics["f1"].Value!.Value;

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.InRange(point, first.Value.Lower, first.Value.Upper);
        Assert.True(first.Value.Upper - first.Value.Lower is > 0.01 and < 0.3);
        Assert.Equal(0.95, first.Value.Level);
        Assert.Equal(200, first.Value.Resamples);
        Assert.Equal(IntervalMethods.Multinomial, first.Value.Method);
    }

    [Fact]
    public void Score_ComputesIntervalOnPublicRows_WhenSplitsExist()
    {
        // Public rows are ranked perfectly, so DeLong's variance is 0 there (on all rows the AUC would be 0.5).
        var labels = new StringBuilder("id,target,Usage\n");
        var predictions = new StringBuilder("id,target\n");
        for (var i = 0; i < 100; i++)
        {
            var isPublic = i < 50;
            labels.Append(i).Append(',').Append(i % 2).Append(',').Append(isPublic ? "Public" : "Private").Append('\n');
            var p = isPublic ? (i % 2 == 1 ? 0.9 : 0.1) : (i % 2 == 1 ? 0.1 : 0.9);
            predictions.Append(i).Append(',').Append(p.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        var report = Score(labels.ToString(), predictions.ToString(), BinarySplitConfig, new ScoreOptions { BootstrapResamples = 100 });

        Assert.Equal(new ConfidenceInterval(1, 1, 0.95, 0) { Method = IntervalMethods.DeLong }, report.Interval);
    }

    [Fact]
    public void Score_SuppressesSmallGroups_WhenGroupColumnIsSet()
    {
        var labels = new StringBuilder("id,target,site\n");
        var predictions = new StringBuilder("id,target\n");
        for (var i = 0; i < 24; i++)
        {
            labels.Append(i).Append(',').Append(i % 2).Append(',').Append(i < 20 ? "big" : "small").Append('\n');
            predictions.Append(i).Append(',').Append(i % 2 == 1 ? "0.7" : "0.2").Append('\n');
        }

        var config = BinaryConfig.Replace("\"primary_metric\"", "\"group_column\": \"site\", \"primary_metric\"", StringComparison.Ordinal);
        var report = Score(labels.ToString(), predictions.ToString(), config);

        Assert.NotNull(report.Groups);
        var big = Assert.Single(report.Groups, g => g.Group == "big");
        var small = Assert.Single(report.Groups, g => g.Group == "small");
        Assert.Equal(new GroupResult("big", 20, false, MetricResult.Of(1.0)), big);
        Assert.True(small.Suppressed);
        Assert.Null(small.Primary);
        Assert.Equal(4, small.Rows);
        Assert.Null(report.SplitGroups);
    }

    [Fact]
    public void Score_ComputesGroupsPerSplit_WithEachSplitsOwnSuppression_WhenLabelsHaveSplits()
    {
        // Accuracy at threshold 0.5, hand-counted per group and split (C = correct, W = wrong):
        //   A public : C C W C → 3/4      A private: C W → 1/2        A all rows: 4/6
        //   B public : C (1 row, under k = 2: suppressed)             B private: C W C C C → 4/5   B all rows: 5/6
        const string labels = """
            id,target,Usage,site
            1,1,Public,A
            2,1,Private,B
            3,0,Public,A
            4,1,Private,A
            5,1,Private,B
            6,1,Public,A
            7,0,Private,B
            8,0,Private,A
            9,0,Public,A
            10,0,Private,B
            11,1,Public,B
            12,1,Private,B
            """;
        const string predictions = """
            id,target
            1,0.9
            2,0.6
            3,0.1
            4,0.9
            5,0.4
            6,0.2
            7,0.3
            8,0.8
            9,0.1
            10,0.3
            11,0.9
            12,0.8
            """;
        var config = BinaryConfig.Replace("\"primary_metric\": \"roc_auc\"",
            "\"primary_metric\": \"accuracy\", \"split_column\": \"Usage\", \"group_column\": \"site\"", StringComparison.Ordinal);

        var report = Score(labels, predictions, config, new ScoreOptions { BootstrapResamples = 0, MinGroupSize = 2 });

        Assert.NotNull(report.SplitGroups);
        Assert.Equal(["public", "private", "all"], report.SplitGroups.Keys);
        Assert.Equal([new("A", 4, false, MetricResult.Of(3.0 / 4)), new("B", 1, true, null)], report.SplitGroups["public"]);
        Assert.Equal([new("A", 2, false, MetricResult.Of(1.0 / 2)), new("B", 5, false, MetricResult.Of(4.0 / 5))], report.SplitGroups["private"]);
        IReadOnlyList<GroupResult> all = [new("A", 6, false, MetricResult.Of(4.0 / 6)), new("B", 6, false, MetricResult.Of(5.0 / 6))];
        Assert.Equal(all, report.SplitGroups["all"]);
        Assert.Equal(all, report.Groups);
    }

    [Fact]
    public void Score_NamesGroupsByTheirText_WhenGroupNamesAreNumbers()
    {
        var labels = new StringBuilder("id,target,site\n");
        var predictions = new StringBuilder("id,target\n");
        for (var i = 0; i < 30; i++)
        {
            labels.Append(i).Append(',').Append(i % 2).Append(',').Append(i < 10 ? "17" : i < 20 ? "3" : "0042").Append('\n');
            predictions.Append(i).Append(',').Append(i % 2 == 1 ? "0.7" : "0.2").Append('\n');
        }

        var config = BinaryConfig.Replace("\"primary_metric\"", "\"group_column\": \"site\", \"primary_metric\"", StringComparison.Ordinal);
        var report = Score(labels.ToString(), predictions.ToString(), config);

        Assert.Equal(["17", "3", "0042"], report.Groups!.Select(g => g.Group));
        Assert.All(report.Groups!, g => Assert.Equal((10, false, 1.0), (g.Rows, g.Suppressed, g.Primary!.Value.Value!.Value)));
    }

    [Fact]
    public void Score_MatchesClassesByText_WhenClassesAreNumbers()
    {
        const string config = """
            {"task_type": "multiclass_label", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"],
             "classes": [0, 1, 2], "metrics": ["accuracy"], "primary_metric": "accuracy"}
            """;

        var report = Score("id,y\na,0\nb,1\nc,2\nd,2\n", "id,y\nd,2\nc,1\nb,1\na,0\n", config);

        Assert.Equal(0.75, report.Metrics["accuracy"].Value!.Value, 12);
    }

    [Fact]
    public void Score_PlacesProbabilitiesByClassName_WhenColumnsAreInAnyOrder()
    {
        const string config = """
            {"task_type": "multiclass_proba", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["cat", "dog", "eel"],
             "classes": ["dog", "cat", "eel"], "metrics": ["accuracy", "log_loss"], "primary_metric": "log_loss"}
            """;

        var report = Score("id,y\n1,dog\n2,cat\n", "id,eel,cat,dog\n1,0.1,0.2,0.7\n2,0.3,0.5,0.2\n", config);

        Assert.Equal(1.0, report.Metrics["accuracy"].Value!.Value, 12);
        Assert.Equal(-(Math.Log(0.7) + Math.Log(0.5)) / 2, report.Metrics["log_loss"].Value!.Value, 12);
    }

    [Fact]
    public void Score_BootstrapsOneVsRestAuc_WhenClassesAreRankedPerfectly()
    {
        const string config = """
            {"task_type": "multiclass_proba", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["a", "b", "c"],
             "classes": ["a", "b", "c"], "metrics": ["roc_auc_ovr_macro", "roc_auc_ovr_weighted"], "primary_metric": "roc_auc_ovr_macro"}
            """;
        var labels = new StringBuilder("id,y\n");
        var predictions = new StringBuilder("id,a,b,c\n");
        for (var i = 0; i < 60; i++)
        {
            labels.Append(i).Append(',').Append("abc"[i % 3]).Append('\n');
            predictions.Append(i).Append((i % 3) switch { 0 => ",0.8,0.1,0.1", 1 => ",0.1,0.8,0.1", _ => ",0.1,0.1,0.8" }).Append('\n');
        }

        var report = Score(labels.ToString(), predictions.ToString(), config, new ScoreOptions { BootstrapResamples = 50, Seed = 3 });

        Assert.Equal(1.0, report.Metrics["roc_auc_ovr_macro"].Value!.Value, 12);
        Assert.Equal(1.0, report.Metrics["roc_auc_ovr_weighted"].Value!.Value, 12);
        Assert.Equal(new ConfidenceInterval(1, 1, 0.95, 50), report.Interval);
    }

    [Fact]
    public void Score_ComputesRmse_WhenTaskIsRegression()
    {
        const string config = """
            {"task_type": "regression", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"],
             "metrics": ["rmse", "mae"], "primary_metric": "rmse"}
            """;

        var report = Score("id,y\n1,1.5\n2,-2\n3,1e2\n", "id,y\n3,98\n1,1.5\n2,-1\n", config);

        Assert.Equal(Math.Sqrt(5.0 / 3), report.Metrics["rmse"].Value!.Value, 12);
        Assert.Equal(1.0, report.Metrics["mae"].Value!.Value, 12);
        Assert.False(report.HigherIsBetter);
    }

    [Fact]
    public void Score_ReadsOneHotRows_WhenTaskIsCostMatrix()
    {
        const string config = """
            {"task_type": "cost_matrix_onehot", "id_column": "filename", "label_columns": ["0", "1", "2"],
             "prediction_columns": ["0", "1", "2"], "cost_matrix": [[0, 0.1, 0.7], [0.1, 0, 0.3], [0.7, 0.3, 0]],
             "metrics": ["accuracy", "tissuenet_score"], "primary_metric": "tissuenet_score"}
            """;

        var report = Score(
            "filename,0,1,2\na.tif,1,0,0\nb.tif,0,1,0\nc.tif,0,0,1\nd.tif,0,0,1\n",
            "filename,2,1,0\nd.tif,1,0,0\nc.tif,1,0,0\nb.tif,0,1,0\na.tif,0,1,0\n",
            config);

        // Columns are matched by name, so column "2" is class 2 wherever it sits: only a (true 0, predicted 1) is wrong.
        Assert.Equal(0.75, report.Metrics["accuracy"].Value!.Value, 12);
        Assert.Equal(1 - 0.1 / 4, report.Metrics["tissuenet_score"].Value!.Value, 12);
    }

    [Fact]
    public void Score_PairsLabelColumnsByPosition_WhenTaskIsMultilabel()
    {
        const string config = """
            {"task_type": "multilabel_label", "id_column": "id", "label_columns": ["a", "b"], "prediction_columns": ["pa", "pb"],
             "metrics": ["subset_accuracy", "hamming_loss"], "primary_metric": "subset_accuracy"}
            """;

        var report = Score("id,a,b\n1,1,0\n2,0,1\n", "id,pb,pa\n2,1,1\n1,0,1\n", config);

        // Row 1 is exact; row 2 predicts a=1 where the truth is 0: one wrong cell of four.
        Assert.Equal(0.5, report.Metrics["subset_accuracy"].Value!.Value, 12);
        Assert.Equal(0.25, report.Metrics["hamming_loss"].Value!.Value, 12);
    }

    [Fact]
    public void Score_ComputesRankingPerColumn_WhenTaskIsMultilabelProba()
    {
        const string config = """
            {"task_type": "multilabel_proba", "id_column": "id", "label_columns": ["a", "b"], "prediction_columns": ["a", "b"],
             "metrics": ["roc_auc_macro"], "primary_metric": "roc_auc_macro"}
            """;

        var report = Score("id,a,b\n1,1,0\n2,0,1\n3,1,1\n", "id,a,b\n1,0.9,0.2\n2,0.1,0.3\n3,0.8,0.1\n", config);

        // Column a ranks both positives first (1.0); column b ranks its negative 0.2 between the positives 0.3 and 0.1 (0.5).
        Assert.Equal(0.75, report.Metrics["roc_auc_macro"].Value!.Value, 12);
    }

    [Fact]
    public void Score_ComparesMasks_WhenTaskIsRleMask()
    {
        const string config = """
            {"task_type": "rle_mask", "id_column": "ImageId", "label_columns": ["EncodedPixels"], "prediction_columns": ["EncodedPixels"],
             "height": 4, "width": 4, "metrics": ["dice_mean", "dice_global"], "primary_metric": "dice_mean"}
            """;

        // Image a: truth pixels 1-4, prediction 3-6 share 2 pixels: dice 2·2/(4+4) = 0.5. Image b: both empty, dice 1.
        var report = Score("ImageId,EncodedPixels\na,1 4\nb,\n", "ImageId,EncodedPixels\nb,\na,3 4\n", config);

        Assert.Equal(0.75, report.Metrics["dice_mean"].Value!.Value, 12);
        Assert.Equal(0.5, report.Metrics["dice_global"].Value!.Value, 12);
    }

    [Fact]
    public void Score_Throws_WhenCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Scorer.Score(
            Utf8(FourLabels), Utf8(FourPredictions), ScoringConfig.Parse(BinaryConfig), NoInterval, cancelled.Token));
    }

    [Fact]
    public void Score_RefusesAMetricOfAnotherTask_WhenOnlyMetricIsSet()
    {
        var error = Assert.Throws<ScoringConfigException>(() => Score(FourLabels, FourPredictions, options: NoInterval with { OnlyMetric = "rmse" }));

        Assert.Contains("'rmse' does not fit task_type binary_proba", error.Message, StringComparison.Ordinal);
    }

    internal static (string Labels, string Predictions) NoisyBinary(int rows)
    {
        var random = new Random(1234);
        var labels = new StringBuilder("id,target\n");
        var predictions = new StringBuilder("id,target\n");
        for (var i = 0; i < rows; i++)
        {
            var truth = random.Next(2);
            labels.Append(i).Append(',').Append(truth).Append('\n');
            var p = Math.Clamp(0.5 + (truth - 0.5) * 0.4 + (random.NextDouble() - 0.5) * 0.8, 0, 1);
            predictions.Append(i).Append(',').Append(p.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        return (labels.ToString(), predictions.ToString());
    }
}
