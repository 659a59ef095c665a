namespace DataChallenge.Scoring;

/// <summary>Which metrics exist, which task types they fit, and which direction is better.</summary>
public static class MetricCatalog
{
    private static readonly Dictionary<string, string[]> ByTask = new(StringComparer.Ordinal)
    {
        [TaskTypes.BinaryProba] = ["roc_auc", "log_loss", "average_precision", "brier_score", "accuracy", "f1", "mcc"],
        [TaskTypes.MulticlassLabel] =
        [
            "accuracy", "balanced_accuracy", "f1_macro", "f1_micro", "f1_weighted",
            "cohen_kappa", "linear_weighted_kappa", "quadratic_weighted_kappa",
        ],
        [TaskTypes.MulticlassProba] = ["log_loss", "roc_auc_ovr_macro", "roc_auc_ovr_weighted", "accuracy"],
        [TaskTypes.Regression] = ["rmse", "mse", "mae", "r2", "mape"],
        [TaskTypes.MultilabelLabel] =
        [
            "subset_accuracy", "hamming_loss", "f1_micro", "f1_macro", "f1_weighted", "f1_samples", "jaccard_samples",
        ],
        [TaskTypes.MultilabelProba] = ["roc_auc_macro", "roc_auc_micro", "average_precision_macro", "mean_column_log_loss"],
        [TaskTypes.CostMatrixOnehot] = ["cost_matrix_score", "tissuenet_score", "accuracy"],
        [TaskTypes.RleMask] = ["dice_mean", "iou_mean", "dice_global"],
    };

    // Losses and errors: every other metric is a score where more is better.
    private static readonly HashSet<string> LowerIsBetter = new(StringComparer.Ordinal)
    {
        "log_loss", "brier_score", "rmse", "mse", "mae", "mape", "hamming_loss", "mean_column_log_loss",
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["tissuenet_score"] = "cost_matrix_score",
    };

    /// <summary>The metrics a task type accepts, aliases included.</summary>
    public static IReadOnlyList<string> MetricsFor(string taskType)
        => ByTask.TryGetValue(taskType, out var names) ? names : [];

    /// <summary>True when the name is a metric of any task type.</summary>
    public static bool IsKnown(string metric) => ByTask.Values.Any(names => names.Contains(metric, StringComparer.Ordinal));

    /// <summary>True when the metric fits the task type.</summary>
    public static bool Fits(string taskType, string metric) => MetricsFor(taskType).Contains(metric, StringComparer.Ordinal);

    /// <summary>True when a larger value is better (scores), false for losses and errors.</summary>
    public static bool HigherIsBetter(string metric) => !LowerIsBetter.Contains(Canonical(metric));

    /// <summary>The metric's canonical name (<c>tissuenet_score</c> is <c>cost_matrix_score</c>).</summary>
    public static string Canonical(string metric) => Aliases.TryGetValue(metric, out var canonical) ? canonical : metric;
}
