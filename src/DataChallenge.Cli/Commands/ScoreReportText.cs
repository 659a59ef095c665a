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
        WriteMetrics(output, "", report.Metrics);
        if (report.Splits is { } splits)
        {
            foreach (var split in new[] { "public", "private" })
            {
                output.WriteLine($"{split}:");
                WriteMetrics(output, "  ", splits[split]);
            }
        }

        if (report.Interval is { } interval)
            output.WriteLine($"{interval.Level * 100:0}% interval of {report.PrimaryMetric}: [{Format(interval.Lower)}, {Format(interval.Upper)}] from {interval.Resamples} resamples.");
        if (report.Groups is { } groups)
        {
            output.WriteLine("groups:");
            foreach (var group in groups)
            {
                var value = group.Suppressed ? "suppressed (too few rows)" : Describe(group.Primary!.Value);
                output.WriteLine($"  {group.Group} ({group.Rows} rows): {value}");
            }
        }
    }

    private static void WriteMetrics(TextWriter output, string indent, IReadOnlyDictionary<string, MetricResult> metrics)
    {
        var width = metrics.Keys.Max(k => k.Length);
        foreach (var (name, result) in metrics) output.WriteLine($"{indent}  {name.PadRight(width)}  {Describe(result)}");
    }

    private static string Describe(MetricResult result)
        => result.Value is { } value ? Format(value) : $"undefined: {result.UndefinedReason}";

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
