using System.Text.Json;
using DataChallenge.Scoring;

namespace DataChallenge.Core.Leaderboards;

/// <summary>The metrics a board ranks by: the primary one first, then the others in the configuration's order.</summary>
public sealed record MetricOrder(IReadOnlyList<string> Metrics, IReadOnlyList<bool> HigherIsBetter)
{
    public string Primary => Metrics[0];

    public static MetricOrder Of(string scoringConfig)
    {
        using var document = JsonDocument.Parse(scoringConfig);
        var root = document.RootElement;
        var primary = root.TryGetProperty("primary_metric", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : null;
        var others = root.TryGetProperty("metrics", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        primary ??= others.FirstOrDefault() ?? "score";
        var metrics = new List<string> { primary };
        metrics.AddRange(others.Where(o => o != primary));
        return new MetricOrder(metrics, metrics.Select(MetricCatalog.HigherIsBetter).ToList());
    }
}
