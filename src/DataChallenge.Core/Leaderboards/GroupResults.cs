using System.Text.Json;

namespace DataChallenge.Core.Leaderboards;

/// <summary>The primary metric on one group (centre) of one split, as stored; a suppressed group never has a value.</summary>
public sealed record GroupResult(string Split, string Group, int Rows, bool Suppressed, double? Value);

/// <summary>Reads and writes a submission's per-group values, and says which of them a reader may see.</summary>
public static class GroupResults
{
    public const string AllRows = "all";

    /// <summary>Stores the groups with every suppressed value dropped, whatever the sender put there.</summary>
    public static string? Serialize(IEnumerable<GroupResult>? groups)
        => groups is null ? null : JsonSerializer.Serialize(groups.Select(g => g.Suppressed ? g with { Value = null } : g).ToList());

    public static List<GroupResult> Read(string? groupsJson)
        => groupsJson is null ? [] : JsonSerializer.Deserialize<List<GroupResult>>(groupsJson) ?? [];

    /// <summary>The groups of <paramref name="split"/>, or the all-rows ones when the worker scored no such split.</summary>
    public static List<GroupResult> OnSplit(string? groupsJson, string split)
    {
        var groups = Read(groupsJson);
        var chosen = groups.Any(g => g.Split == split) ? split : AllRows;
        return groups.Where(g => g.Split == chosen).ToList();
    }

    /// <summary>
    /// What a competitor may see before the reveal: public-split groups only. All-rows groups count as public only when
    /// the phase has no split column; otherwise they include private rows.
    /// </summary>
    public static List<GroupResult> PublicOnly(string? groupsJson, string? scoresJson)
    {
        var groups = Read(groupsJson);
        var publicSplit = groups.Where(g => g.Split == SplitScores.Public).ToList();
        if (publicSplit.Count > 0) return publicSplit;
        return SplitScores.HasSplits(scoresJson) ? [] : groups.Where(g => g.Split == AllRows).ToList();
    }
}
