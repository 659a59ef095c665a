using System.Text.Json;
using DataChallenge.Core.Judging;

namespace DataChallenge.Core.Leaderboards;

/// <summary>Reads one split's metric values out of a submission's stored scores.</summary>
public static class SplitScores
{
    public const string Public = "public";
    public const string Private = "private";

    /// <summary>
    /// The values of <paramref name="order"/>'s metrics on <paramref name="split"/>. Without a split column the
    /// worker scores "all" only, and that one set stands for both boards.
    /// </summary>
    public static double?[] Keys(string? scoresJson, string split, MetricOrder order, int decimals)
    {
        var keys = new double?[order.Metrics.Count];
        if (scoresJson is null) return keys;
        var scores = JsonSerializer.Deserialize<List<StoredScore>>(scoresJson) ?? [];
        var chosen = scores.Any(s => s.Split == split) ? split : "all";
        for (var i = 0; i < keys.Length; i++)
        {
            var value = scores.FirstOrDefault(s => s.Split == chosen && s.Metric == order.Metrics[i])?.Value;
            keys[i] = Round(value, decimals);
        }
        return keys;
    }

    /// <summary>Every stored value: split, metric, value (null when undefined).</summary>
    public static List<(string Split, string Metric, double? Value)> All(string? scoresJson)
        => scoresJson is null ? [] : (JsonSerializer.Deserialize<List<StoredScore>>(scoresJson) ?? []).Select(s => (s.Split, s.Metric, s.Value)).ToList();

    /// <summary>True when the worker scored public and private splits apart (the phase has a split column).</summary>
    public static bool HasSplits(string? scoresJson)
        => scoresJson is not null && (JsonSerializer.Deserialize<List<StoredScore>>(scoresJson) ?? []).Any(s => s.Split == Public);

    public static double? Round(double? value, int decimals)
        => ScoreDisclosure.Round(value, decimals);

    // The stored form of one value of the worker's result; read by name, so the bus contracts stay out of Core.
    private sealed record StoredScore(string Split, string Metric, double? Value);
}
