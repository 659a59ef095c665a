using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Core.Tests.Leaderboards;

public sealed class BoardRankerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static RankCandidate Candidate(string name, double?[] keys, int minutes, double? lower = null, double? upper = null)
        => new(NameId(name), Guid.NewGuid(), keys, T0.AddMinutes(minutes), lower, upper);

    private static Guid NameId(string name) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name)));

    private static List<string> Names(IEnumerable<RankedCandidate> ranked, params string[] names)
        => ranked.Select(r => names.Single(n => NameId(n) == r.Candidate.TeamId)).ToList();

    [Fact]
    public void Rank_BreaksPrimaryTiesWithTheNextMetricInItsDirection_WhenPrimaryScoresAreEqual()
    {
        // Primary higher-is-better, second metric (log loss) lower-is-better.
        var ranked = BoardRanker.Rank([Candidate("a", [0.9, 0.5], 0), Candidate("b", [0.9, 0.3], 5), Candidate("c", [0.95, 0.9], 9)], [true, false]);

        Assert.Equal(["c", "b", "a"], Names(ranked, "a", "b", "c"));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_SharesRanksAndOrdersByTime_WhenEveryMetricIsEqual()
    {
        var ranked = BoardRanker.Rank([Candidate("late", [0.8, 0.2], 9), Candidate("top", [0.9, 0.2], 5), Candidate("early", [0.8, 0.2], 1),
            Candidate("last", [0.7, 0.2], 0)], [true, false]);

        Assert.Equal(["top", "early", "late", "last"], Names(ranked, "late", "top", "early", "last"));
        Assert.Equal([1, 2, 2, 4], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_PutsTheSmallestFirst_WhenLowerIsBetter()
    {
        var ranked = BoardRanker.Rank([Candidate("mid", [0.2], 2), Candidate("worst", [0.3], 0), Candidate("best", [0.1], 1)], [false]);

        Assert.Equal(["best", "mid", "worst"], Names(ranked, "mid", "worst", "best"));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_PutsMissingValuesLast_WhenAMetricIsUndefined()
    {
        var ranked = BoardRanker.Rank([Candidate("none", [null], 0), Candidate("some", [0.1], 1)], [true]);

        Assert.Equal(["some", "none"], Names(ranked, "none", "some"));
    }

    [Fact]
    public void Rank_MarksStatisticalTies_WhenIntervalsOverlapTheLineAbove()
    {
        var ranked = BoardRanker.Rank([Candidate("a", [0.90], 0, 0.85, 0.95), Candidate("b", [0.88], 1, 0.83, 0.93), Candidate("c", [0.70], 2, 0.65, 0.75),
            Candidate("d", [0.69], 3)], [true]);

        Assert.Equal([false, true, false, false], ranked.Select(r => r.StatisticallyTied));
    }
}
