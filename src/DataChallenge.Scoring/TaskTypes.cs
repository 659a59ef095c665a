namespace DataChallenge.Scoring;

/// <summary>The task types a scoring configuration may name in <c>task_type</c>.</summary>
public static class TaskTypes
{
    public const string BinaryProba = "binary_proba";
    public const string MulticlassLabel = "multiclass_label";
    public const string MulticlassProba = "multiclass_proba";
    public const string Regression = "regression";
    public const string MultilabelLabel = "multilabel_label";
    public const string MultilabelProba = "multilabel_proba";
    public const string CostMatrixOnehot = "cost_matrix_onehot";
    public const string RleMask = "rle_mask";

    public static IReadOnlyList<string> All { get; } =
    [
        BinaryProba, MulticlassLabel, MulticlassProba, Regression,
        MultilabelLabel, MultilabelProba, CostMatrixOnehot, RleMask,
    ];
}
