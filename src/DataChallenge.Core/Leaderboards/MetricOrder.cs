using System.Text.Json;
using DataChallenge.Scoring;

namespace DataChallenge.Core.Leaderboards;

/// <summary>The metrics a board ranks by: the primary one first, then the others in the configuration's order.</summary>
public sealed record MetricOrder(IReadOnlyList<string> Metrics, IReadOnlyList<bool> HigherIsBetter)
{
    public string Primary => Metrics[0];

    /// <summary>
    /// Reads a built-in scoring configuration, or an organiser program's (<c>{"program": {…}}</c>), whose own
    /// <c>higher_is_better</c> orders its primary metric and every metric the catalogue does not know.
    /// </summary>
    public static MetricOrder Of(string scoringConfig)
    {
        using var document = JsonDocument.Parse(scoringConfig);
        var root = document.RootElement;
        bool? declared = null;
        if (root.TryGetProperty("program", out var program) && program.ValueKind == JsonValueKind.Object)
        {
            root = program;
            declared = !(root.TryGetProperty("higher_is_better", out var h) && h.ValueKind == JsonValueKind.False);
        }
        var primary = root.TryGetProperty("primary_metric", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : null;
        var others = root.TryGetProperty("metrics", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        primary ??= others.FirstOrDefault() ?? "score";
        var metrics = new List<string> { primary };
        metrics.AddRange(others.Where(o => o != primary));
        return new MetricOrder(metrics, metrics.Select(name => Direction(name, name == primary, declared)).ToList());
    }

    private static bool Direction(string metric, bool isPrimary, bool? declared)
        => declared is { } programSays && (isPrimary || !MetricCatalog.IsKnown(metric)) ? programSays : MetricCatalog.HigherIsBetter(metric);
}
