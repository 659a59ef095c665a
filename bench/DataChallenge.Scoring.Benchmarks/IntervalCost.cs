using System.Diagnostics;
using System.Globalization;

namespace DataChallenge.Scoring.Benchmarks;

/// <summary>
/// `intervals DIR [ROWS] [REPEATS]`: every binary metric scored from the files with and without their intervals,
/// alternately in one process, and the ratio of the medians. Writes the binary case into DIR first if it is missing.
/// </summary>
internal static class IntervalCost
{
    private const string Config = """
        {"task_type": "binary_proba", "id_column": "id", "label_columns": ["target"], "prediction_columns": ["target"],
         "metrics": ["roc_auc", "log_loss", "average_precision", "brier_score", "accuracy", "f1", "mcc"], "primary_metric": "roc_auc"}
        """;

    public static void Run(string folder, int rows, int repeats)
    {
        var labels = Path.Combine(folder, "labels.csv");
        var predictions = Path.Combine(folder, "predictions.csv");
        if (!File.Exists(labels))
        {
            Directory.CreateDirectory(folder);
            BenchmarkCases.WriteBinary(folder, rows);
        }

        var config = ScoringConfig.Parse(Config);
        var without = new List<double>();
        var with = new List<double>();
        ScoreReport? report = null;
        Time(labels, predictions, config, 0); // the first run pays for the JIT and the page cache
        for (var i = 0; i < repeats; i++)
        {
            without.Add(Time(labels, predictions, config, 0).Seconds);
            var (seconds, scored) = Time(labels, predictions, config, 1000);
            with.Add(seconds);
            report = scored;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report!.Rows} rows, {report.Metrics.Count} metrics, {repeats} runs each, {Environment.ProcessorCount} cores"));
        foreach (var (name, interval) in report.Intervals)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-18} [{interval.Lower:0.######}, {interval.Upper:0.######}] {interval.Method}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"without intervals: median {Median(without):0.000} s ({string.Join(", ", without.Select(s => s.ToString("0.000", CultureInfo.InvariantCulture)))})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"with intervals:    median {Median(with):0.000} s ({string.Join(", ", with.Select(s => s.ToString("0.000", CultureInfo.InvariantCulture)))})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio of medians: {Median(with) / Median(without):0.00}×"));
    }

    private static (double Seconds, ScoreReport Report) Time(string labels, string predictions, ScoringConfig config, int resamples)
    {
        var watch = Stopwatch.StartNew();
        using var labelsStream = File.OpenRead(labels);
        using var predictionsStream = File.OpenRead(predictions);
        var report = Scorer.Score(labelsStream, predictionsStream, config, new ScoreOptions { BootstrapResamples = resamples, Seed = 1 });
        return (watch.Elapsed.TotalSeconds, report);
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
