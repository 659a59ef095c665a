using DataChallenge.Scoring.Metrics;
using static DataChallenge.Scoring.Internals.MetricFactories;
using static DataChallenge.Scoring.TaskTypes;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Every metric, once: name, direction, and the task types it fits with the factory for each. The public catalogue
/// and the dispatch both read these rows, so a metric cannot be listed without being computable, or the reverse.
/// </summary>
internal static class MetricRegistry
{
    private static readonly MetricDefinition CostMatrixScore = Higher("cost_matrix_score", Confusion(CostMatrixOnehot, ClassPairs, MetricFactories.CostMatrix));

    // The order of the rows is the order in which each task type lists its metrics in messages. The third element of
    // each fit is the interval's method: the cheapest one that the metric's structure makes exact to first order.
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        Higher("roc_auc", (BinaryProba, Ranked(BinaryMetrics.RocAuc, BinaryMetrics.RocAuc), RankIntervals.RocAuc)),
        Lower("log_loss", (BinaryProba, Pair(BinaryMetrics.LogLoss), Mean(MeanInterval.LogLoss)), (MulticlassProba, MulticlassLogLoss, Resampled)),
        Higher("average_precision", (BinaryProba, Ranked(BinaryMetrics.AveragePrecision, BinaryMetrics.AveragePrecision), RankIntervals.AveragePrecision)),
        Lower("brier_score", (BinaryProba, Pair(BinaryMetrics.BrierScore), Mean(MeanInterval.SquaredError))),
        Higher("roc_auc_ovr_macro", (MulticlassProba, OneVsRest(MulticlassProbaMetrics.RocAucOvrMacro), Resampled)),
        Higher("roc_auc_ovr_weighted", (MulticlassProba, OneVsRest(MulticlassProbaMetrics.RocAucOvrWeighted), Resampled)),
        CostMatrixScore,
        CostMatrixScore.AliasedAs("tissuenet_score"),
        Higher("accuracy", Confusion(BinaryProba, Threshold, Thresholded(BinaryMetrics.Accuracy)),
            Confusion(MulticlassLabel, ClassPairs, ClassLabels(MulticlassLabelMetrics.Accuracy)),
            Confusion(MulticlassProba, ArgMaxPairs, MulticlassProbaAccuracy), Confusion(CostMatrixOnehot, ClassPairs, OneHotAccuracy)),
        Higher("balanced_accuracy", Confusion(MulticlassLabel, ClassPairs, ClassLabels(MulticlassLabelMetrics.BalancedAccuracy))),
        Higher("f1", Confusion(BinaryProba, Threshold, Thresholded(BinaryMetrics.F1))),
        Higher("mcc", Confusion(BinaryProba, Threshold, Thresholded(BinaryMetrics.Mcc))),
        Higher("subset_accuracy", (MultilabelLabel, Columns(MultilabelMetrics.SubsetAccuracy), Resampled)),
        Lower("hamming_loss", (MultilabelLabel, Columns(MultilabelMetrics.HammingLoss), Resampled)),
        Higher("f1_macro", Confusion(MulticlassLabel, ClassPairs, ClassLabels(MulticlassLabelMetrics.F1Macro)), (MultilabelLabel, Columns(MultilabelMetrics.F1Macro), Resampled)),
        Higher("f1_micro", Confusion(MulticlassLabel, ClassPairs, ClassLabels(MulticlassLabelMetrics.F1Micro)), (MultilabelLabel, Columns(MultilabelMetrics.F1Micro), Resampled)),
        Higher("f1_weighted", Confusion(MulticlassLabel, ClassPairs, ClassLabels(MulticlassLabelMetrics.F1Weighted)), (MultilabelLabel, Columns(MultilabelMetrics.F1Weighted), Resampled)),
        Higher("f1_samples", (MultilabelLabel, Columns(MultilabelMetrics.F1Samples), Resampled)),
        Higher("jaccard_samples", (MultilabelLabel, Columns(MultilabelMetrics.JaccardSamples), Resampled)),
        Higher("cohen_kappa", Confusion(MulticlassLabel, ClassPairs, ClassLabels(MulticlassLabelMetrics.CohenKappa))),
        Higher("linear_weighted_kappa", Confusion(MulticlassLabel, ClassPairs, ClassLabels(MulticlassLabelMetrics.LinearWeightedKappa))),
        Higher("quadratic_weighted_kappa", Confusion(MulticlassLabel, ClassPairs, ClassLabels(MulticlassLabelMetrics.QuadraticWeightedKappa))),
        Lower("rmse", (Regression, Pair(RegressionMetrics.Rmse), Mean(MeanInterval.SquaredError, MeanInterval.Sqrt))),
        Lower("mse", (Regression, Pair(RegressionMetrics.Mse), Mean(MeanInterval.SquaredError))),
        Lower("mae", (Regression, Pair(RegressionMetrics.Mae), Mean(MeanInterval.AbsoluteError))),
        Higher("r2", (Regression, Pair(RegressionMetrics.R2), Resampled)),
        Lower("mape", (Regression, Pair(RegressionMetrics.Mape), Mean(MeanInterval.AbsolutePercentageError))),
        Higher("roc_auc_macro", (MultilabelProba, ColumnRankings(MultilabelMetrics.RocAucMacro), Resampled)),
        Higher("roc_auc_micro", (MultilabelProba, RocAucMicro, Resampled)),
        Higher("average_precision_macro", (MultilabelProba, ColumnRankings(MultilabelMetrics.AveragePrecisionMacro), Resampled)),
        Lower("mean_column_log_loss", (MultilabelProba, Columns(MultilabelMetrics.MeanColumnLogLoss), Resampled)),
        Higher("dice_mean", (TaskTypes.RleMask, Masks(MaskMetrics.DiceMean), Resampled)),
        Higher("iou_mean", (TaskTypes.RleMask, Masks(MaskMetrics.IouMean), Resampled)),
        Higher("dice_global", (TaskTypes.RleMask, Masks(MaskMetrics.DiceGlobal), Resampled)),
    ];

    // Built from the rows above; a name given twice stops the type from loading, and the registry test with it.
    private static readonly Dictionary<string, MetricDefinition> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, string[]> ByTask = TaskTypes.All.ToDictionary(t => t,
        t => All.Where(m => m.FactoryFor(t) is not null).Select(m => m.Name).ToArray(), StringComparer.Ordinal);

    public static MetricDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    public static IReadOnlyList<string> NamesFor(string taskType) => ByTask.TryGetValue(taskType, out var names) ? names : [];

    private static MetricDefinition Higher(string name, params (string TaskType, MetricFactory Create, IntervalFactory Interval)[] fits) => new(name, HigherIsBetter: true, fits);

    private static MetricDefinition Lower(string name, params (string TaskType, MetricFactory Create, IntervalFactory Interval)[] fits) => new(name, HigherIsBetter: false, fits);

    // Interval methods, named for the rows above.
    private static ConfidenceInterval? Resampled(ScoringData data, ScoringConfig config, MetricFactory create, IntervalRequest request)
        => Bootstrap.Interval(data, config, create, request);

    // A metric of the confusion matrix alone: resampled by its cells, and weighted calls summed per cell.
    private static (string, MetricFactory, IntervalFactory) Confusion(string taskType, MultinomialInterval.CellKeys keys, MetricFactory create)
        => (taskType, MultinomialInterval.Collapsed(keys, create), MultinomialInterval.Of(keys));

    private static IntervalFactory Mean(MeanInterval.RowLoss loss, Func<double, double>? transform = null) => MeanInterval.Of(loss, transform);

    private static (int, int[]) Threshold(ScoringData data, ScoringConfig config) => MultinomialInterval.Thresholded(data, config);

    private static (int, int[]) ClassPairs(ScoringData data, ScoringConfig config) => MultinomialInterval.ClassPairs(data, config);

    private static (int, int[]) ArgMaxPairs(ScoringData data, ScoringConfig config) => MultinomialInterval.ArgMaxPairs(data, config);
}
