using System.Runtime.InteropServices;

namespace DataChallenge.Scoring.Internals;

/// <summary>The primary metric per group, over all rows and, with a split column, within each split.</summary>
internal static class GroupScores
{
    /// <summary>Keyed "public", "private" and "all" with a split column, "all" alone without one.</summary>
    public static Dictionary<string, IReadOnlyList<GroupResult>> Compute(LabelsTable table, string primary, ScoringData data, ScoringConfig config,
        int minGroupSize)
    {
        var groupCount = table.GroupNames!.Count;
        var group = table.Group!;
        var split = table.Split;

        // One pass files every row under its group and, with splits, under its group within its split: slot
        // g for all rows, groupCount + g for public, 2·groupCount + g for private.
        var members = new List<int>[groupCount * (split is null ? 1 : 3)];
        for (var slot = 0; slot < members.Length; slot++) members[slot] = [];
        for (var row = 0; row < group.Length; row++)
        {
            members[group[row]].Add(row);
            if (split is not null) members[groupCount * (1 + split[row]) + group[row]].Add(row);
        }

        var results = new Dictionary<string, IReadOnlyList<GroupResult>>(StringComparer.Ordinal);
        if (split is not null)
        {
            results["public"] = Score(members.AsSpan(groupCount, groupCount), table.GroupNames, primary, data, config, minGroupSize);
            results["private"] = Score(members.AsSpan(2 * groupCount, groupCount), table.GroupNames, primary, data, config, minGroupSize);
        }

        results["all"] = Score(members.AsSpan(0, groupCount), table.GroupNames, primary, data, config, minGroupSize);
        return results;
    }

    private static List<GroupResult> Score(ReadOnlySpan<List<int>> members, IdIndex names, string primary, ScoringData data, ScoringConfig config,
        int minGroupSize)
    {
        var results = new List<GroupResult>(members.Length);
        for (var g = 0; g < members.Length; g++)
        {
            var rows = members[g];

            // Small groups are withheld, in each split on that split's rows: a value over a handful of rows can reveal
            // individual labels. Every group is listed in every split, so that its existence is all a small one shows.
            if (rows.Count < minGroupSize)
            {
                results.Add(new GroupResult(names.Id(g), rows.Count, Suppressed: true, Primary: null));
                continue;
            }

            var subset = data.Gather(CollectionsMarshal.AsSpan(rows));
            results.Add(new GroupResult(names.Id(g), rows.Count, Suppressed: false, MetricTable.Prepare(primary, subset, config)([])));
        }

        return results;
    }
}
