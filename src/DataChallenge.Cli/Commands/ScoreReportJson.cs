using System.Text;
using System.Text.Json;
using DataChallenge.Scoring;

namespace DataChallenge.Cli.Commands;

/// <summary>The <c>--json</c> output: one object, snake_case keys, undefined values as null with their reason.</summary>
internal static class ScoreReportJson
{
    public static void Write(ScoreReport report, string? onlyMetric, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (onlyMetric is not null)
            {
                var result = report.Metrics[onlyMetric];
                writer.WriteString("metric", onlyMetric);
                WriteValue(writer, "value", result);
                if (result.UndefinedReason is { } reason) writer.WriteString("reason", reason);
            }

            writer.WriteString("primary_metric", report.PrimaryMetric);
            writer.WriteBoolean("higher_is_better", report.HigherIsBetter);
            writer.WriteNumber("rows", report.Rows);
            WriteMetrics(writer, "metrics", report.Metrics);
            if (report.Splits is { } splits)
            {
                writer.WriteStartObject("splits");
                foreach (var (split, metrics) in splits) WriteMetrics(writer, split, metrics);
                writer.WriteEndObject();
            }

            if (report.Interval is { } interval)
            {
                writer.WriteStartObject("interval");
                writer.WriteString("metric", report.PrimaryMetric);
                WriteInterval(writer, interval);
                writer.WriteEndObject();
            }

            if (report.Intervals.Count > 0)
            {
                writer.WriteStartObject("intervals");
                foreach (var (name, each) in report.Intervals)
                {
                    writer.WriteStartObject(name);
                    WriteInterval(writer, each);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            if (report.Groups is { } groups) WriteGroups(writer, "groups", groups);
            if (report.SplitGroups is { } splitGroups)
            {
                writer.WriteStartObject("split_groups");
                foreach (var split in new[] { "public", "private" }) WriteGroups(writer, split, splitGroups[split]);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteGroups(Utf8JsonWriter writer, string key, IReadOnlyList<GroupResult> groups)
    {
        writer.WriteStartArray(key);
        foreach (var group in groups)
        {
            writer.WriteStartObject();
            writer.WriteString("group", group.Group);
            writer.WriteNumber("rows", group.Rows);
            writer.WriteBoolean("suppressed", group.Suppressed);
            if (group.Primary is { } primary)
            {
                WriteValue(writer, "value", primary);
                if (primary.UndefinedReason is { } reason) writer.WriteString("reason", reason);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    // Values sit in "metrics"; reasons for the undefined ones in a sibling "undefined" object, so values stay plain numbers.
    private static void WriteMetrics(Utf8JsonWriter writer, string key, IReadOnlyDictionary<string, MetricResult> metrics)
    {
        writer.WriteStartObject(key);
        foreach (var (name, result) in metrics) WriteValue(writer, name, result);
        writer.WriteEndObject();
        if (metrics.Values.All(m => m.UndefinedReason is null)) return;
        writer.WriteStartObject(key == "metrics" ? "undefined" : key + "_undefined");
        foreach (var (name, result) in metrics)
        {
            if (result.UndefinedReason is { } reason) writer.WriteString(name, reason);
        }

        writer.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter writer, ConfidenceInterval interval)
    {
        writer.WriteNumber("lower", interval.Lower);
        writer.WriteNumber("upper", interval.Upper);
        writer.WriteNumber("level", interval.Level);
        writer.WriteNumber("resamples", interval.Resamples);
        writer.WriteString("method", interval.Method);
    }

    private static void WriteValue(Utf8JsonWriter writer, string key, MetricResult result)
    {
        if (result.Value is { } value) writer.WriteNumber(key, value);
        else writer.WriteNull(key);
    }
}
