using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring.Tests.Intervals;

/// <summary>Data sets drawn from distributions whose metric values are known in closed form.</summary>
internal static class IntervalData
{
    public static readonly ScoringConfig Binary = ScoringConfig.Parse("""
        {"task_type": "binary_proba", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"],
         "metrics": ["roc_auc"], "primary_metric": "roc_auc"}
        """);

    public static readonly ScoringConfig Regression = ScoringConfig.Parse("""
        {"task_type": "regression", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"],
         "metrics": ["rmse"], "primary_metric": "rmse"}
        """);

    public static readonly ScoringConfig Multiclass = ScoringConfig.Parse("""
        {"task_type": "multiclass_label", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"],
         "classes": ["a", "b", "c"], "metrics": ["accuracy"], "primary_metric": "accuracy"}
        """);

    /// <summary>
    /// Class 1 with probability 0.4; scores U(0.3, 1) for class 1 and U(0, 0.7) for class 0, rounded to 1/1000 so some
    /// tie. True values: accuracy at 0.5 = 5/7, ROC AUC = 41/49, Brier = 0.49/3 (before rounding, which moves them
    /// by less than 1e-3).
    /// </summary>
    public static ScoringData BinarySample(Random random, int rows)
    {
        var truth = new double[rows];
        var prediction = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            truth[i] = random.NextDouble() < 0.4 ? 1 : 0;
            prediction[i] = Math.Round((truth[i] == 1 ? 0.3 : 0) + (0.7 * random.NextDouble()), 3);
        }

        return new ScoringData { Rows = rows, Truth = truth, Prediction = prediction, Width = 1, PredictionWidth = 1 };
    }

    /// <summary>Truth N(0, 1), prediction = truth + N(0, 1): true MSE 1, MAE √(2/π).</summary>
    public static ScoringData RegressionSample(Random random, int rows)
    {
        var truth = new double[rows];
        var prediction = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            truth[i] = Normal(random);
            prediction[i] = truth[i] + Normal(random);
        }

        return new ScoringData { Rows = rows, Truth = truth, Prediction = prediction, Width = 1, PredictionWidth = 1 };
    }

    /// <summary>Three classes; the prediction is right with probability 0.7, otherwise the next class.</summary>
    public static ScoringData MulticlassSample(Random random, int rows)
    {
        var truth = new int[rows];
        var prediction = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            truth[i] = random.Next(3);
            prediction[i] = random.NextDouble() < 0.7 ? truth[i] : (truth[i] + 1) % 3;
        }

        return new ScoringData { Rows = rows, TruthClass = truth, PredictionClass = prediction, Width = 1, PredictionWidth = 1 };
    }

    private static double Normal(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
