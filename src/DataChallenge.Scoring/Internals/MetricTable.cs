using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>A metric bound to one data set, evaluated under any weighting (bootstrap resamples pass counts).</summary>
internal delegate MetricResult PreparedMetric(ReadOnlySpan<double> weight);

/// <summary>Maps a metric name and task type to the metric function over aligned data.</summary>
internal static class MetricTable
{
    /// <summary>True when the metric is implemented for the task type.</summary>
    public static bool Supports(string taskType, string metric) => TryPrepare(taskType, metric, Empty, null, out _);

    public static PreparedMetric Prepare(string metric, ScoringData data, ScoringConfig config)
        => TryPrepare(config.TaskType, metric, data, config, out var prepared)
            ? prepared
            : throw new ScoringConfigException($"Metric '{metric}' is not available for task_type {config.TaskType}.");

    private static readonly ScoringData Empty = new() { Rows = 0 };

    // With config null, only answers whether the pair is known; no data is touched.
    private static bool TryPrepare(string taskType, string metric, ScoringData data, ScoringConfig? config, out PreparedMetric prepared)
    {
        var probe = config is null;
        var threshold = config?.Threshold ?? 0.5;
        var classes = data.PredictionWidth;
        prepared = null!;
        PreparedMetric? result = (taskType, MetricCatalog.Canonical(metric)) switch
        {
            (TaskTypes.BinaryProba, "roc_auc") => probe ? Known : Ranked(data, static (in BinaryRanking r, ReadOnlySpan<double> w) => BinaryMetrics.RocAuc(in r, w), BinaryMetrics.RocAuc),
            (TaskTypes.BinaryProba, "average_precision") => probe ? Known : Ranked(data, static (in BinaryRanking r, ReadOnlySpan<double> w) => BinaryMetrics.AveragePrecision(in r, w), BinaryMetrics.AveragePrecision),
            (TaskTypes.BinaryProba, "log_loss") => w => BinaryMetrics.LogLoss(data.Truth, data.Prediction, w),
            (TaskTypes.BinaryProba, "brier_score") => w => BinaryMetrics.BrierScore(data.Truth, data.Prediction, w),
            (TaskTypes.BinaryProba, "accuracy") => w => BinaryMetrics.Accuracy(data.Truth, data.Prediction, threshold, w),
            (TaskTypes.BinaryProba, "f1") => w => BinaryMetrics.F1(data.Truth, data.Prediction, threshold, w),
            (TaskTypes.BinaryProba, "mcc") => w => BinaryMetrics.Mcc(data.Truth, data.Prediction, threshold, w),

            (TaskTypes.MulticlassLabel, var name) => MulticlassLabel(name, data, config),

            (TaskTypes.MulticlassProba, "log_loss") => w => w.IsEmpty ? MulticlassProbaMetrics.LogLoss(data.TruthClass, data.Prediction, classes) : MulticlassProbaMetrics.LogLoss(data.TruthClass, data.Prediction, classes, w),
            (TaskTypes.MulticlassProba, "roc_auc_ovr_macro" or "roc_auc_ovr_weighted") => probe ? Known : OneVsRest(metric, data),
            (TaskTypes.MulticlassProba, "accuracy") => w => MulticlassProbaMetrics.Accuracy(data.TruthClass, data.Prediction, classes, w),

            (TaskTypes.Regression, "rmse") => w => RegressionMetrics.Rmse(data.Truth, data.Prediction, w),
            (TaskTypes.Regression, "mse") => w => RegressionMetrics.Mse(data.Truth, data.Prediction, w),
            (TaskTypes.Regression, "mae") => w => RegressionMetrics.Mae(data.Truth, data.Prediction, w),
            (TaskTypes.Regression, "r2") => w => RegressionMetrics.R2(data.Truth, data.Prediction, w),
            (TaskTypes.Regression, "mape") => w => RegressionMetrics.Mape(data.Truth, data.Prediction, w),

            (TaskTypes.CostMatrixOnehot, "cost_matrix_score") => CostMatrix(data, config),
            (TaskTypes.CostMatrixOnehot, "accuracy") =>
                w => MulticlassLabelMetrics.Accuracy(data.TruthClass, data.PredictionClass, config?.LabelColumns.Count ?? 0, w),

            (TaskTypes.MultilabelLabel or TaskTypes.MultilabelProba, var name) => Multilabel(taskType, name, data, probe),

            (TaskTypes.RleMask, "dice_mean") => w => MaskMetrics.DiceMean(data.TruthMasks, data.PredictionMasks, w),
            (TaskTypes.RleMask, "iou_mean") => w => MaskMetrics.IouMean(data.TruthMasks, data.PredictionMasks, w),
            (TaskTypes.RleMask, "dice_global") => w => MaskMetrics.DiceGlobal(data.TruthMasks, data.PredictionMasks, w),

            _ => null,
        };
        if (result is null) return false;
        prepared = result;
        return true;
    }

    private static MetricResult Known(ReadOnlySpan<double> weight) => default;

    private delegate MetricResult RankedMetric(in BinaryRanking ranking, ReadOnlySpan<double> weight);

    private delegate MetricResult TaggedMetric(ReadOnlySpan<ulong> tagged);

    // The sort behind ranking metrics is done once per data set, then reused by every bootstrap resample. Unweighted,
    // the value needs only each tie group's class counts: a sort of tagged keys, with no row carried, gives them in
    // two thirds of the memory and traffic.
    private static PreparedMetric Ranked(ScoringData data, RankedMetric metric, TaggedMetric unweighted)
    {
        var ranking = new Lazy<BinaryRanking>(() => BinaryRanking.Create(data.Truth, data.Prediction));
        return w =>
        {
            if (w.IsEmpty && !ranking.IsValueCreated && ScoreSort.DescendingTagged(data.Prediction, data.Truth) is { } tagged) return unweighted(tagged);
            return metric(ranking.Value, w);
        };
    }

    private static PreparedMetric OneVsRest(string metric, ScoringData data)
    {
        var rankings = MulticlassProbaMetrics.OvrRankings(data.TruthClass, data.Prediction, data.PredictionWidth);
        return metric == "roc_auc_ovr_macro"
            ? w => MulticlassProbaMetrics.RocAucOvrMacro(rankings, data.TruthClass, w)
            : w => MulticlassProbaMetrics.RocAucOvrWeighted(rankings, data.TruthClass, w);
    }

    private static PreparedMetric? MulticlassLabel(string name, ScoringData data, ScoringConfig? config)
    {
        var k = config?.Classes?.Count ?? 0;
        return name switch
        {
            "accuracy" => w => MulticlassLabelMetrics.Accuracy(data.TruthClass, data.PredictionClass, k, w),
            "balanced_accuracy" => w => MulticlassLabelMetrics.BalancedAccuracy(data.TruthClass, data.PredictionClass, k, w),
            "f1_macro" => w => MulticlassLabelMetrics.F1Macro(data.TruthClass, data.PredictionClass, k, w),
            "f1_micro" => w => MulticlassLabelMetrics.F1Micro(data.TruthClass, data.PredictionClass, k, w),
            "f1_weighted" => w => MulticlassLabelMetrics.F1Weighted(data.TruthClass, data.PredictionClass, k, w),
            "cohen_kappa" => w => MulticlassLabelMetrics.CohenKappa(data.TruthClass, data.PredictionClass, k, w),
            "linear_weighted_kappa" => w => MulticlassLabelMetrics.LinearWeightedKappa(data.TruthClass, data.PredictionClass, k, w),
            "quadratic_weighted_kappa" => w => MulticlassLabelMetrics.QuadraticWeightedKappa(data.TruthClass, data.PredictionClass, k, w),
            _ => null,
        };
    }

    private static PreparedMetric? Multilabel(string taskType, string name, ScoringData data, bool probe)
    {
        var l = data.Width;
        if (taskType == TaskTypes.MultilabelLabel)
        {
            return name switch
            {
                "subset_accuracy" => w => MultilabelMetrics.SubsetAccuracy(data.Truth, data.Prediction, l, w),
                "hamming_loss" => w => MultilabelMetrics.HammingLoss(data.Truth, data.Prediction, l, w),
                "f1_micro" => w => MultilabelMetrics.F1Micro(data.Truth, data.Prediction, l, w),
                "f1_macro" => w => MultilabelMetrics.F1Macro(data.Truth, data.Prediction, l, w),
                "f1_weighted" => w => MultilabelMetrics.F1Weighted(data.Truth, data.Prediction, l, w),
                "f1_samples" => w => MultilabelMetrics.F1Samples(data.Truth, data.Prediction, l, w),
                "jaccard_samples" => w => MultilabelMetrics.JaccardSamples(data.Truth, data.Prediction, l, w),
                _ => null,
            };
        }

        switch (name)
        {
            case "roc_auc_macro":
            case "average_precision_macro":
                if (probe) return Known;
                var rankings = MultilabelMetrics.ColumnRankings(data.Truth, data.Prediction, l);
                return name == "roc_auc_macro"
                    ? w => MultilabelMetrics.RocAucMacro(rankings, w)
                    : w => MultilabelMetrics.AveragePrecisionMacro(rankings, w);
            case "roc_auc_micro":
                if (probe) return Known;
                var cells = BinaryRanking.Create(data.Truth, data.Prediction);
                return w => MultilabelMetrics.RocAucMicro(in cells, l, w);
            case "mean_column_log_loss":
                return w => MultilabelMetrics.MeanColumnLogLoss(data.Truth, data.Prediction, l, w);
            default:
                return null;
        }
    }

    private static PreparedMetric CostMatrix(ScoringData data, ScoringConfig? config)
    {
        var rows = config?.CostMatrix ?? [];
        var cost = new double[rows.Count, rows.Count];
        for (var t = 0; t < rows.Count; t++)
        {
            for (var p = 0; p < rows.Count; p++) cost[t, p] = rows[t][p];
        }

        return w => CostMatrixMetrics.Score(data.TruthClass, data.PredictionClass, cost, w);
    }
}
