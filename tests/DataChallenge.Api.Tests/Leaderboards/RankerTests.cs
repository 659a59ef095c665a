using DataChallenge.Core.Leaderboards;
using DataChallenge.Leaderboard.Ranking;

namespace DataChallenge.Api.Tests.Leaderboards;

public sealed class RankerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static LeaderboardEntry Entry(double score, int minutes) => new()
    {
        PhaseId = Guid.Empty, TeamId = Guid.NewGuid(), Score = score, SubmittedAt = T0.AddMinutes(minutes), LastSubmittedAt = T0.AddMinutes(minutes),
    };

    [Fact]
    public void Rank_SharesRanksAndSkips_WhenScoresAreEqual()
    {
        var entries = new[] { Entry(0.8, 1), Entry(0.9, 5), Entry(0.8, 0), Entry(0.7, 2) };

        var rows = Ranker.Rank(entries, new Dictionary<Guid, string>(), higherIsBetter: true);

        Assert.Equal([1, 2, 2, 4], rows.Select(r => r.Rank));
        Assert.Equal([0.9, 0.8, 0.8, 0.7], rows.Select(r => r.Score));
        // Among equals, the earlier submission comes first.
        Assert.Equal(T0, rows[1].SubmittedAt);
    }

    [Fact]
    public void Rank_PutsTheSmallestFirst_WhenLowerIsBetter()
    {
        var rows = Ranker.Rank([Entry(0.3, 0), Entry(0.1, 1), Entry(0.2, 2)], new Dictionary<Guid, string>(), higherIsBetter: false);

        Assert.Equal([0.1, 0.2, 0.3], rows.Select(r => r.Score));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Rank));
    }
}
