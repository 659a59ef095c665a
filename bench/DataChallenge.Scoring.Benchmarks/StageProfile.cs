using System.Diagnostics;
using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring.Benchmarks;

/// <summary>
/// `profile LABELS PREDICTIONS CONFIG [METRIC]`: the time of each stage of one score, so that the slowest one is
/// the one worked on. Runs the stages the scorer runs, in its order, on files in the page cache.
/// </summary>
internal static class StageProfile
{
    public static void Run(string labelsPath, string predictionsPath, string configPath, string? metric)
    {
        var total = Stopwatch.StartNew();
        _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var start = _cpu;
        var config = ScoringConfig.Parse(File.ReadAllText(configPath));
        var layout = new TaskLayout(config);
        var token = CancellationToken.None;
        var watch = Stopwatch.StartNew();

        using var labels = File.OpenRead(labelsPath);
        var strict = Environment.GetEnvironmentVariable("PROFILE_STRICT") == "1";
        var table = strict ? null : FastLabelsReader.TryRead(labels, config, layout, "labels", parallel: true, token);
        var fastLabels = table is not null;
        table ??= LabelsReader.Read(labels, config, layout, "labels", token);
        Report(fastLabels ? "labels (fast)" : "labels (strict)", watch);

        using var predictions = File.OpenRead(predictionsPath);
        var data = strict ? null : FastPredictionsReader.TryRead(predictions, config, layout, table, "predictions", parallel: true, token);
        var fastPredictions = data is not null;
        data ??= PredictionsReader.Read(predictions, config, layout, table, "predictions", token);
        Report(fastPredictions ? "predictions + join (fast)" : "predictions + join (strict)", watch);

        var result = MetricTable.Prepare(metric ?? config.PrimaryMetric, data, config)([]);
        Report($"metric {metric ?? config.PrimaryMetric} = {result.Value}", watch);
        _cpu = start;
        Report("total", total);
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F1} MB");
    }

    private static TimeSpan _cpu;

    // Processor time beside wall time: on a busy machine the wall clock measures the neighbours too.
    private static void Report(string stage, Stopwatch watch)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine($"{stage,-40} {watch.Elapsed.TotalMilliseconds,9:F1} ms wall {(cpu - _cpu).TotalMilliseconds,9:F1} ms cpu");
        _cpu = cpu;
        watch.Restart();
    }
}
