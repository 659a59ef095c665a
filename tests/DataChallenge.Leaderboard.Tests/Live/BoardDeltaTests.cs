using DataChallenge.Core.Leaderboards;
using DataChallenge.Leaderboard.Live;

namespace DataChallenge.Leaderboard.Tests.Live;

/// <summary>A change on a long board is described by the rows it changed and the rank ranges it shifted.</summary>
public sealed class BoardDeltaTests
{
    private static readonly Guid Phase = Guid.NewGuid();
    private static readonly DateTimeOffset Start = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Delta_IsUnderOneKilobyte_WhenANewTeamEntersNearTheTopOfAThousandTeamBoard()
    {
        var teams = Enumerable.Range(0, 1000).Select(i => new Entry(Guid.NewGuid(), $"team {i}", 0.9 - i / 10_000.0, Start.AddMinutes(i), 1)).ToList();
        var before = Snapshot(1, teams);
        var after = Snapshot(2, [.. teams, new Entry(Guid.NewGuid(), "newcomer", 0.8995, Start.AddDays(1), 1)]);

        var delta = BoardDiff.Between(before, after);

        Assert.NotNull(delta);
        var bytes = BoardFrame.Delta(delta).Bytes.Length;
        Assert.True(bytes < 1024, $"The delta is {bytes} bytes.");
    }

    [Fact]
    public void Delta_IsSent_WhenTiedTeamsSubmittedInTheSameMillisecond()
    {
        // Uploads arrive in parallel: two equal scores recorded within one millisecond must not force whole boards on
        // every later change for every viewer.
        var at = Start.AddHours(1);
        var teams = Enumerable.Range(0, 40).Select(i => new Entry(Guid.NewGuid(), $"team {i}", 0.9 - i / 100.0, Start.AddMinutes(i), 1)).ToList();
        teams.Add(new Entry(Guid.NewGuid(), "twin a", 0.75, at, 1));
        teams.Add(new Entry(Guid.NewGuid(), "twin b", 0.75, at.AddTicks(3), 1));
        var newcomer = new Entry(Guid.NewGuid(), "newcomer", 0.85, Start.AddDays(1), 1);
        var before = Snapshot(1, teams);
        var after = Snapshot(2, [.. teams, newcomer]);

        var delta = BoardDiff.Between(before, after);

        Assert.NotNull(delta);
        Assert.True(after.Rows.SequenceEqual(ReferenceApplier.Apply(before, BoardFrame.Delta(delta).Json).Rows));
        Assert.True(after.Rows.SequenceEqual(Snapshot(2, Enumerable.Reverse([.. teams, newcomer])).Rows), "The order of tied teams depends on the order they were read in.");
    }

    [Theory]
    [InlineData(12)]
    [InlineData(300)]
    public void AppliedDelta_GivesExactlyTheNewBoard_ForRandomSequencesOfChanges(int teams)
    {
        var random = new Random(17 + teams);
        var entries = Enumerable.Range(0, teams).Select(i => new Entry(Guid.NewGuid(), $"team {i}", Score(random), Start.AddMinutes(i), 1))
            .ToDictionary(e => e.TeamId);
        var board = Snapshot(1, entries.Values);
        var clock = Start.AddDays(1);
        for (var step = 0; step < 400; step++)
        {
            clock = clock.AddSeconds(1);
            var change = Change(random, entries, clock);
            var next = Snapshot(board.Version + 1, entries.Values);

            var delta = BoardDiff.Between(board, next);

            Assert.NotNull(delta);
            var applied = ReferenceApplier.Apply(board, BoardFrame.Delta(delta).Json);
            Assert.True(next.Rows.SequenceEqual(applied.Rows), $"Step {step} ({change}) gave another board than the server's.");
            Assert.Equal((next.Version, next.UpdatedAt), (applied.Version, applied.UpdatedAt));
            board = next;
        }
    }

    // Scores on a coarse grid, so equal scores (ties) happen often.
    private static double Score(Random random) => random.Next(0, 60) / 100.0;

    private static string Change(Random random, Dictionary<Guid, Entry> entries, DateTimeOffset at)
    {
        var some = entries.Values.ElementAt(random.Next(entries.Count));
        switch (random.Next(5))
        {
            case 0:
                var team = new Entry(Guid.NewGuid(), "newcomer", Score(random), at, 1);
                entries[team.TeamId] = team;
                return "new team";
            case 1:
                entries[some.TeamId] = some with { Score = Math.Min(1, some.Score + random.Next(1, 20) / 100.0), SubmittedAt = at, Entries = some.Entries + 1 };
                return "improvement";
            case 2:
                var other = entries.Values.ElementAt(random.Next(entries.Count));
                entries[some.TeamId] = some with { Score = other.Score, SubmittedAt = at, Entries = some.Entries + 1 };
                return "tie";
            case 3 when entries.Count > 2:
                entries.Remove(some.TeamId);
                return "invalidation";
            default:
                // A rescore may lower a team's best score, and a new entry that is not better still counts.
                entries[some.TeamId] = some with { Score = Score(random), Entries = some.Entries + 1 };
                return "rescore";
        }
    }

    internal sealed record Entry(Guid TeamId, string Name, double Score, DateTimeOffset SubmittedAt, int Entries);

    // Ranked as the leaderboard ranks: equal scores share a rank, the earlier submission first.
    internal static LeaderboardSnapshot Snapshot(long version, IEnumerable<Entry> entries)
    {
        var byTeam = entries.ToDictionary(e => e.TeamId);
        var candidates = byTeam.Values.Select(e => new RankCandidate(e.TeamId, Guid.NewGuid(), [e.Score], e.SubmittedAt, e.Score - 0.01, e.Score + 0.01));
        var rows = BoardRanker.Rank(candidates, [true]).Select(r =>
        {
            var e = byTeam[r.Candidate.TeamId];
            return new LeaderboardRow(r.Rank, e.TeamId, e.Name, e.Score, e.Score - 0.01, e.Score + 0.01, e.Entries, e.SubmittedAt, e.SubmittedAt, r.StatisticallyTied);
        }).ToList();
        return new LeaderboardSnapshot(Phase, version, Start.AddSeconds(version), "auc", true, rows);
    }
}
