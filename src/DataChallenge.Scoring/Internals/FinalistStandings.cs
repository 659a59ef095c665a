namespace DataChallenge.Scoring.Internals;

/// <summary>Turns the paired resamples' values into standings, rank intervals, adjacent probabilities and tied groups.</summary>
internal static class FinalistStandings
{
    public static FinalistComparisonResult Summarise(string[] teams, MetricResult[] values, double[] resampled, int resamples, string metric, string unit)
    {
        var higher = MetricCatalog.HigherIsBetter(metric);
        var count = teams.Length;
        var order = Enumerable.Range(0, count)
            .OrderBy(t => values[t].Value is null)
            .ThenBy(t => values[t].Value is { } v ? (higher ? -v : v) : 0)
            .ToArray();

        var ranks = new int[count][];
        for (var t = 0; t < count; t++) ranks[t] = new int[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var row = resampled.AsSpan(r * count, count);
            for (var t = 0; t < count; t++)
            {
                var rank = 1;
                for (var other = 0; other < count; other++)
                    if (Better(row[other], row[t], higher)) rank++;
                ranks[t][r] = rank;
            }
        }

        var probabilities = new double?[count];
        for (var i = 0; i + 1 < count; i++) probabilities[i] = ProbabilityBetter(resampled, count, order[i], order[i + 1], higher);

        var groups = new List<List<string>> { new() { teams[order[0]] } };
        var groupOf = new int[count];
        for (var i = 1; i < count; i++)
        {
            // An unresolved pair joins the next team to the previous one's group: ties chain.
            if (probabilities[i - 1] is not >= FinalistComparison.ResolvedProbability) groups[^1].Add(teams[order[i]]);
            else groups.Add([teams[order[i]]]);
            groupOf[i] = groups.Count - 1;
        }

        var standings = new FinalistStanding[count];
        for (var i = 0; i < count; i++)
        {
            var t = order[i];
            var column = new double[resamples];
            for (var r = 0; r < resamples; r++) column[r] = resampled[(r * count) + t];
            var sortedRanks = ranks[t].Order().ToArray();
            standings[i] = new FinalistStanding(teams[t], i + 1, values[t], Percentile.Interval(column, IntervalMethods.Bootstrap),
                sortedRanks[(int)Math.Floor(0.025 * (resamples - 1))], sortedRanks[(int)Math.Ceiling(0.975 * (resamples - 1))],
                probabilities[i], groupOf[i]);
        }

        return new FinalistComparisonResult
        {
            Metric = metric,
            HigherIsBetter = higher,
            Resamples = resamples,
            ResampledUnit = unit,
            Standings = standings,
            TiedGroups = groups,
        };
    }

    // An undefined value (NaN) is beaten by every defined one and beats none.
    private static bool Better(double a, double b, bool higher)
        => !double.IsNaN(a) && (double.IsNaN(b) || (higher ? a > b : a < b));

    private static double? ProbabilityBetter(double[] resampled, int count, int a, int b, bool higher)
    {
        double wins = 0;
        var both = 0;
        for (var r = 0; r < resampled.Length / count; r++)
        {
            double x = resampled[(r * count) + a], y = resampled[(r * count) + b];
            if (double.IsNaN(x) || double.IsNaN(y)) continue;
            both++;
            wins += Better(x, y, higher) ? 1 : x == y ? 0.5 : 0;
        }

        return both == 0 ? null : wins / both;
    }
}
