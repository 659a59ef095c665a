namespace DataChallenge.Core.Leaderboards;

/// <summary>One competitor's line before ranking: its ranking keys (primary metric first) and when it was submitted.</summary>
public sealed record RankCandidate(Guid TeamId, Guid SubmissionId, double?[] Keys, DateTimeOffset SubmittedAt, double? IntervalLower, double? IntervalUpper);

/// <summary>A ranked line: equal keys share a rank; <see cref="StatisticallyTied"/> when its interval overlaps the line above.</summary>
public sealed record RankedCandidate(RankCandidate Candidate, int Rank, bool StatisticallyTied);

/// <summary>
/// Orders candidates by the primary metric in its direction, then each other metric in configuration order, then the
/// earlier submission (to the millisecond), then the team id. Missing values sort last. Equal keys share a rank (1, 2, 2, 4).
/// </summary>
public static class BoardRanker
{
    public static List<RankedCandidate> Rank(IEnumerable<RankCandidate> candidates, IReadOnlyList<bool> higherIsBetter)
    {
        var ordered = candidates.ToList();
        ordered.Sort((a, b) =>
        {
            var byKeys = CompareKeys(a.Keys, b.Keys, higherIsBetter);
            return byKeys != 0 ? byKeys : CompareTies(a.TeamId, a.SubmittedAt, b.TeamId, b.SubmittedAt);
        });
        var ranked = new List<RankedCandidate>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var current = ordered[i];
            var sameAsAbove = i > 0 && CompareKeys(ordered[i - 1].Keys, current.Keys, higherIsBetter) == 0;
            var rank = sameAsAbove ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedCandidate(current, rank, i > 0 && Overlaps(ordered[i - 1], current)));
        }
        return ranked;
    }

    /// <summary>Negative when <paramref name="a"/> ranks above <paramref name="b"/>.</summary>
    public static int CompareKeys(double?[] a, double?[] b, IReadOnlyList<bool> higherIsBetter)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var (x, y) = (a[i], b[i]);
            if (x is null && y is null) continue;
            if (x is null) return 1;
            if (y is null) return -1;
            var order = x.Value.CompareTo(y.Value);
            if (order != 0) return i < higherIsBetter.Count && !higherIsBetter[i] ? order : -order;
        }
        return 0;
    }

    /// <summary>
    /// Equal keys: the earlier submission to the millisecond (what a browser's Date holds), then the team id as text, so
    /// the order is total and the board page rebuilds exactly the same one from a delta.
    /// </summary>
    public static int CompareTies(Guid teamA, DateTimeOffset submittedA, Guid teamB, DateTimeOffset submittedB)
    {
        var byTime = submittedA.ToUnixTimeMilliseconds().CompareTo(submittedB.ToUnixTimeMilliseconds());
        if (byTime != 0) return byTime;
        // The ids' text as JSON carries it ("d" format), compared without making strings.
        Span<char> a = stackalloc char[36], b = stackalloc char[36];
        teamA.TryFormat(a, out _);
        teamB.TryFormat(b, out _);
        return a.SequenceCompareTo(b);
    }

    private static bool Overlaps(RankCandidate above, RankCandidate below)
        => above.IntervalLower is { } aLow && above.IntervalUpper is { } aHigh && below.IntervalLower is { } bLow && below.IntervalUpper is { } bHigh
           && bLow <= aHigh && bHigh >= aLow;
}
