namespace DataChallenge.Scoring.Internals;

/// <summary>Matches a header row to the expected columns: exact, case-sensitive names, any order, nothing more or less.</summary>
internal static class HeaderLayout
{
    /// <summary>For each expected column, the index of its field in every row.</summary>
    public static int[] Resolve(CsvReader csv, IReadOnlyList<string> expected)
    {
        var names = new string[csv.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = csv.FieldText(i);
            if (names[i].Length == 0)
                throw csv.Reject(i, $"column {i + 1} of the header has no name; expected columns: {List(expected)}.");
        }

        csv.UseColumnNames(names);
        for (var i = 0; i < names.Length; i++)
        {
            if (Array.IndexOf(names, names[i]) != i)
                throw csv.Reject(i, $"the column '{names[i]}' appears more than once in the header.");
        }

        var extras = names.Where(n => !expected.Contains(n, StringComparer.Ordinal)).ToArray();
        var map = new int[expected.Count];
        for (var e = 0; e < expected.Count; e++)
        {
            map[e] = Array.IndexOf(names, expected[e]);
            if (map[e] >= 0) continue;
            var instead = extras.Length > 0
                ? $"; it has '{extras[0]}' instead (names must match exactly, including case)"
                : string.Empty;
            throw new SubmissionRejectedException(csv.File, csv.RowLine, expected[e],
                $"the header has no column '{expected[e]}'{instead}. Expected columns: {List(expected)}.");
        }

        if (extras.Length > 0)
            throw csv.Reject(Array.IndexOf(names, extras[0]),
                $"unexpected column '{extras[0]}' in the header. Expected columns: {List(expected)}.");
        return map;
    }

    private static string List(IReadOnlyList<string> names) => string.Join(", ", names);
}
