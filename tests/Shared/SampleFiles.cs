using System.Globalization;
using System.Text;

namespace DataChallenge.Testing;

/// <summary>Small labels and prediction files whose ROC AUC is known in advance.</summary>
public static class SampleFiles
{
    public const string BinaryConfig = """
        {"task_type":"binary_proba","id_column":"id","label_columns":["label"],"prediction_columns":["label"],
         "metrics":["roc_auc","log_loss"],"primary_metric":"roc_auc","split_column":"Usage"}
        """;

    /// <summary>Rows r0..r{n-1}; label 1 on odd rows; the first two thirds public.</summary>
    public static string Labels(int rows = 60)
    {
        var text = new StringBuilder("id,label,Usage\n");
        for (var i = 0; i < rows; i++) text.Append(CultureInfo.InvariantCulture, $"r{i},{i % 2},{(i < rows * 2 / 3 ? "Public" : "Private")}\n");
        return text.ToString();
    }

    /// <summary>
    /// Predictions, in reverse row order, that rank every positive above every negative (ROC AUC 1.0) except in the
    /// first <paramref name="swaps"/> pairs, whose positive drops below all negatives and negative rises above all
    /// positives: more swaps, lower AUC.
    /// </summary>
    public static string Predictions(int rows = 60, int swaps = 0)
    {
        var text = new StringBuilder("id,label\n");
        for (var i = rows - 1; i >= 0; i--)
        {
            var positive = i % 2 == 1;
            var pair = i / 2;
            var step = 0.3 / rows;
            var score = positive ? 0.6 + pair * step : 0.4 - pair * step;
            if (pair < swaps) score = positive ? 0.2 : 0.8;
            text.Append(CultureInfo.InvariantCulture, $"r{i},{score}\n");
        }
        return text.ToString();
    }
}
