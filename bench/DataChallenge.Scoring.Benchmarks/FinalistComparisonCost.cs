using System.Diagnostics;
using System.Globalization;

namespace DataChallenge.Scoring.Benchmarks;

/// <summary>
/// `finalists [TEAMS] [RESAMPLES] [ROWS] [METRIC]`: the paired comparison's wall time on generated binary data where
/// each team's predictions are the truth plus its own noise, so some teams are resolved and some tie.
/// </summary>
internal static class FinalistComparisonCost
{
    public static void Run(int teams, int resamples, int rows, string metric)
    {
        var random = new Random(14);
        var truth = new int[rows];
        var labels = new System.Text.StringBuilder("id,target\n");
        for (var i = 0; i < rows; i++)
        {
            truth[i] = random.NextDouble() < 0.3 ? 1 : 0;
            labels.Append(CultureInfo.InvariantCulture, $"{i},{truth[i]}\n");
        }

        var files = new List<(string Team, byte[] Bytes)>();
        for (var t = 0; t < teams; t++)
        {
            var signal = 0.30 - (0.005 * t);
            var text = new System.Text.StringBuilder("id,target\n");
            for (var i = 0; i < rows; i++)
            {
                var p = Math.Clamp(0.35 + (signal * truth[i]) + (0.5 * (random.NextDouble() - 0.5)), 0, 1);
                text.Append(CultureInfo.InvariantCulture, $"{i},{p:0.######}\n");
            }

            files.Add(($"team{t:00}", System.Text.Encoding.UTF8.GetBytes(text.ToString())));
        }

        var config = ScoringConfig.Parse($$"""
            {"task_type": "binary_proba", "id_column": "id", "label_columns": ["target"], "prediction_columns": ["target"],
             "metrics": ["{{metric}}"], "primary_metric": "{{metric}}"}
            """);
        var labelBytes = System.Text.Encoding.UTF8.GetBytes(labels.ToString());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = FinalistComparison.Compare(new MemoryStream(labelBytes),
            files.Select(f => new FinalistPredictions(f.Team, new MemoryStream(f.Bytes))).ToArray(), config,
            new ComparisonOptions { Resamples = resamples, Seed = 1 });
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        foreach (var s in result.Standings)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Rank,2} {s.Team} {s.Value.Value:0.0000} [{s.Interval?.Lower:0.0000}, {s.Interval?.Upper:0.0000}] rank {s.RankLower}-{s.RankUpper} P(better than next) {s.ProbabilityBetterThanNext:0.000} group {s.TiedGroup}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{teams} teams × {resamples} resamples × {rows} rows ({metric}), {Environment.ProcessorCount} cores: {seconds:0.00} s wall, {cpuSeconds:0.00} s CPU, {result.TiedGroups.Count} groups"));
    }
}
