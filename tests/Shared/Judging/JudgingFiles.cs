using System.Globalization;
using System.Text;

namespace DataChallenge.Testing.Judging;

/// <summary>
/// Prediction files whose public and private ROC AUC move independently. Rows follow <see cref="Testing.SampleFiles.Labels"/>:
/// r0..r39 public, r40..r59 private, label 1 on odd rows. A swapped pair puts its positive below every negative.
/// </summary>
public static class JudgingFiles
{
    public static string Predictions(int publicSwaps = 0, int privateSwaps = 0, int rows = 60)
    {
        var publicPairs = rows * 2 / 3 / 2;
        var pairs = rows / 2;
        var text = new StringBuilder("id,label\n");
        for (var i = 0; i < rows; i++)
        {
            var positive = i % 2 == 1;
            var pair = i / 2;
            var step = 0.3 / rows;
            var score = positive ? 0.6 + pair * step : 0.4 - pair * step;
            var swapped = pair < publicSwaps || (pair >= publicPairs && pair >= pairs - privateSwaps);
            if (swapped) score = positive ? 0.2 : 0.8;
            text.Append(CultureInfo.InvariantCulture, $"r{i},{score}\n");
        }
        return text.ToString();
    }

    /// <summary>The sample labels with every label flipped: a file's AUC against them is one minus its AUC against the originals.</summary>
    public static string FlippedLabels(int rows = 60)
    {
        var text = new StringBuilder("id,label,Usage\n");
        for (var i = 0; i < rows; i++) text.Append(CultureInfo.InvariantCulture, $"r{i},{1 - i % 2},{(i < rows * 2 / 3 ? "Public" : "Private")}\n");
        return text.ToString();
    }
}
