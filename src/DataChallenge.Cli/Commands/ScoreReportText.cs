using System.Globalization;
using DataChallenge.Scoring;

namespace DataChallenge.Cli.Commands;

/// <summary>The short human summary printed without <c>--json</c>.</summary>
internal static class ScoreReportText
{
    public static void Write(ScoreReport report, TextWriter output)
    {
        var direction = report.HigherIsBetter ? "higher is better" : "lower is better";
        output.WriteLine($"Scored {report.Rows} rows. Primary metric: {report.PrimaryMetric} ({direction}).");
        // Intervals are computed on the public rows when there are splits, so they are printed beside those values only.
        var splits = report.Splits;
        WriteMetrics(output, "", report.Metrics, splits is null ? report.Intervals : null);
        if (splits is not null)
        {
            foreach (var split in new[] { "public", "private" })
            {
                output.WriteLine($"{split}:");
                WriteMetrics(output, "  ", splits[split], split == "public" ? report.Intervals : null);
            }
        }

        if (report.Intervals.Count > 0)
            output.WriteLine("Intervals: 95 %, by the method named; a method that resamples says how many resamples it used.");
        if (report.Groups is { } groups) WriteGroups(output, "groups", groups);
        if (report.SplitGroups is { } splitGroups)
        {
            foreach (var split in new[] { "public", "private" }) WriteGroups(output, $"{split} groups", splitGroups[split]);
        }
    }

    private static void WriteGroups(TextWriter output, string title, IReadOnlyList<GroupResult> groups)
    {
        output.WriteLine($"{title}:");
        foreach (var group in groups)
        {
            var value = group.Suppressed ? "suppressed (too few rows)" : Describe(group.Primary!.Value);
            output.WriteLine($"  {group.Group} ({group.Rows} rows): {value}");
        }
    }

    private static void WriteMetrics(TextWriter output, string indent, IReadOnlyDictionary<string, MetricResult> metrics,
        IReadOnlyDictionary<string, ConfidenceInterval>? intervals)
    {
        var width = metrics.Keys.Max(k => k.Length);
        var valueWidth = metrics.Values.Max(v => Describe(v).Length);
        foreach (var (name, result) in metrics)
        {
            var line = $"{indent}  {name.PadRight(width)}  {Describe(result)}";
            if (intervals is not null && intervals.TryGetValue(name, out var interval))
                line = $"{line.PadRight(indent.Length + width + valueWidth + 4)}  {Describe(interval)}";
            output.WriteLine(line);
        }
    }

    private static string Describe(ConfidenceInterval interval)
    {
        var resamples = interval.Resamples > 0 ? $", {interval.Resamples} resamples" : "";
        var bounds = $"[{Format(interval.Lower)}, {Format(interval.Upper)}]";
        return $"{bounds,-22}  {interval.Method}{resamples}";
    }

    private static string Describe(MetricResult result)
        => result.Value is { } value ? Format(value) : $"undefined: {result.UndefinedReason}";

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
