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
    private static readonly MetricDefinition CostMatrixScore = Higher("cost_matrix_score", (CostMatrixOnehot, MetricFactories.CostMatrix));

    // The order of the rows is the order in which each task type lists its metrics in messages.
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        Higher("roc_auc", (BinaryProba, Ranked(BinaryMetrics.RocAuc, BinaryMetrics.RocAuc))),
        Lower("log_loss", (BinaryProba, Pair(BinaryMetrics.LogLoss)), (MulticlassProba, MulticlassLogLoss)),
        Higher("average_precision", (BinaryProba, Ranked(BinaryMetrics.AveragePrecision, BinaryMetrics.AveragePrecision))),
        Lower("brier_score", (BinaryProba, Pair(BinaryMetrics.BrierScore))),
        Higher("roc_auc_ovr_macro", (MulticlassProba, OneVsRest(MulticlassProbaMetrics.RocAucOvrMacro))),
        Higher("roc_auc_ovr_weighted", (MulticlassProba, OneVsRest(MulticlassProbaMetrics.RocAucOvrWeighted))),
        CostMatrixScore,
        CostMatrixScore.AliasedAs("tissuenet_score"),
        Higher("accuracy", (BinaryProba, Thresholded(BinaryMetrics.Accuracy)), (MulticlassLabel, ClassLabels(MulticlassLabelMetrics.Accuracy)),
            (MulticlassProba, MulticlassProbaAccuracy), (CostMatrixOnehot, OneHotAccuracy)),
        Higher("balanced_accuracy", (MulticlassLabel, ClassLabels(MulticlassLabelMetrics.BalancedAccuracy))),
        Higher("f1", (BinaryProba, Thresholded(BinaryMetrics.F1))),
        Higher("mcc", (BinaryProba, Thresholded(BinaryMetrics.Mcc))),
        Higher("subset_accuracy", (MultilabelLabel, Columns(MultilabelMetrics.SubsetAccuracy))),
        Lower("hamming_loss", (MultilabelLabel, Columns(MultilabelMetrics.HammingLoss))),
        Higher("f1_macro", (MulticlassLabel, ClassLabels(MulticlassLabelMetrics.F1Macro)), (MultilabelLabel, Columns(MultilabelMetrics.F1Macro))),
        Higher("f1_micro", (MulticlassLabel, ClassLabels(MulticlassLabelMetrics.F1Micro)), (MultilabelLabel, Columns(MultilabelMetrics.F1Micro))),
        Higher("f1_weighted", (MulticlassLabel, ClassLabels(MulticlassLabelMetrics.F1Weighted)), (MultilabelLabel, Columns(MultilabelMetrics.F1Weighted))),
        Higher("f1_samples", (MultilabelLabel, Columns(MultilabelMetrics.F1Samples))),
        Higher("jaccard_samples", (MultilabelLabel, Columns(MultilabelMetrics.JaccardSamples))),
        Higher("cohen_kappa", (MulticlassLabel, ClassLabels(MulticlassLabelMetrics.CohenKappa))),
        Higher("linear_weighted_kappa", (MulticlassLabel, ClassLabels(MulticlassLabelMetrics.LinearWeightedKappa))),
        Higher("quadratic_weighted_kappa", (MulticlassLabel, ClassLabels(MulticlassLabelMetrics.QuadraticWeightedKappa))),
        Lower("rmse", (Regression, Pair(RegressionMetrics.Rmse))),
        Lower("mse", (Regression, Pair(RegressionMetrics.Mse))),
        Lower("mae", (Regression, Pair(RegressionMetrics.Mae))),
        Higher("r2", (Regression, Pair(RegressionMetrics.R2))),
        Lower("mape", (Regression, Pair(RegressionMetrics.Mape))),
        Higher("roc_auc_macro", (MultilabelProba, ColumnRankings(MultilabelMetrics.RocAucMacro))),
        Higher("roc_auc_micro", (MultilabelProba, RocAucMicro)),
        Higher("average_precision_macro", (MultilabelProba, ColumnRankings(MultilabelMetrics.AveragePrecisionMacro))),
        Lower("mean_column_log_loss", (MultilabelProba, Columns(MultilabelMetrics.MeanColumnLogLoss))),
        Higher("dice_mean", (TaskTypes.RleMask, Masks(MaskMetrics.DiceMean))),
        Higher("iou_mean", (TaskTypes.RleMask, Masks(MaskMetrics.IouMean))),
        Higher("dice_global", (TaskTypes.RleMask, Masks(MaskMetrics.DiceGlobal))),
    ];

    // Built from the rows above; a name given twice stops the type from loading, and the registry test with it.
    private static readonly Dictionary<string, MetricDefinition> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, string[]> ByTask = TaskTypes.All.ToDictionary(t => t,
        t => All.Where(m => m.FactoryFor(t) is not null).Select(m => m.Name).ToArray(), StringComparer.Ordinal);

    public static MetricDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    public static IReadOnlyList<string> NamesFor(string taskType) => ByTask.TryGetValue(taskType, out var names) ? names : [];

    private static MetricDefinition Higher(string name, params (string TaskType, MetricFactory Create)[] fits) => new(name, HigherIsBetter: true, fits);

    private static MetricDefinition Lower(string name, params (string TaskType, MetricFactory Create)[] fits) => new(name, HigherIsBetter: false, fits);
}
