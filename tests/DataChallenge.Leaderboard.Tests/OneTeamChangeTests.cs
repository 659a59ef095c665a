using System.Text.Json;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Leaderboard.Tests;

/// <summary>
/// A version that changed one team's entry is applied to the board a replica holds by reading that entry alone; the
/// result is the board a rebuild from every entry gives. Any other change, or a burst whose later versions are already
/// in, still rebuilds from every entry.
/// </summary>
public sealed class OneTeamChangeTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private Guid _phaseId;
    private readonly List<(ApiSession Session, Guid TeamId)> _teams = [];

    public async ValueTask InitializeAsync()
    {
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await _organiser.CreateChallengeAsync();
        _phaseId = await _organiser.CreateSamplePhaseAsync(slug);
        for (var i = 0; i < 3; i++)
        {
            var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
            _teams.Add((competitor, await competitor.JoinAsync(slug)));
        }
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private LeaderboardCache Cache => _server.Services.GetRequiredService<LeaderboardCache>();

    [Fact]
    public async Task HeldBoard_IsTheBoardARebuildGives_AfterEveryScoreOfOneTeam()
    {
        // Teams overtake one another and improve their own lines: ranks, scores and entry counts all move.
        var swaps = new[] { (0, 20), (1, 10), (2, 15), (0, 0), (2, 5), (1, 12), (2, 0) };
        foreach (var (team, swap) in swaps)
        {
            var (session, _) = _teams[team];
            await session.WaitForOutcomeAsync(await session.SubmitAsync(_phaseId, SampleFiles.Predictions(swaps: swap)));
            var (held, rebuilt) = await JudgingArena.EventuallyAsync(HeldAndRebuiltAsync, b => b.Held == b.Rebuilt, "the held board equal to a rebuild");
            Assert.Equal(rebuilt, held);
        }
        var rows = (await Cache.GetAsync(_phaseId, TestContext.Current.CancellationToken))!.Rows;
        // Teams 0 and 2 end on the same score: the earlier submission ranks first.
        Assert.Equal([_teams[0].TeamId, _teams[2].TeamId, _teams[1].TeamId], rows.Select(r => r.TeamId));
        Assert.Equal([2, 3, 2], rows.Select(r => r.Entries));
    }

    [Fact]
    public async Task HeldBoard_IsTheBoardARebuildGives_AfterABurstOfScoresFromEveryTeam()
    {
        // Changes overtake one another on the bus: some arrive when later versions are already committed.
        var uploads = _teams.SelectMany((team, i) => Enumerable.Range(0, 4).Select(round => (team.Session, Swaps: (i * 7 + round * 5) % 25)));
        await Task.WhenAll(uploads.Select(async upload =>
            await upload.Session.WaitForOutcomeAsync(await upload.Session.SubmitAsync(_phaseId, SampleFiles.Predictions(swaps: upload.Swaps)))));
        await EveryIntervalInAsync();

        var (held, rebuilt) = await JudgingArena.EventuallyAsync(HeldAndRebuiltAsync, b => b.Held == b.Rebuilt, "the held board equal to a rebuild");
        Assert.Equal(rebuilt, held);
        Assert.Equal([4, 4, 4], (await Cache.GetAsync(_phaseId, TestContext.Current.CancellationToken))!.Rows.Select(r => r.Entries));
    }

    [Fact]
    public async Task OneTeamChange_ReadsThatTeamAlone_OnlyWhenTheReplicaHoldsTheVersionJustBeforeAndNoneAfterIsIn()
    {
        foreach (var (session, _) in _teams) await session.WaitForOutcomeAsync(await session.SubmitAsync(_phaseId, SampleFiles.Predictions()));
        var (changed, other) = (_teams[0].TeamId, _teams[1].TeamId);
        var cancellationToken = TestContext.Current.CancellationToken;
        // The board is edited here once every score and its interval are in.
        await EveryIntervalInAsync();
        await Cache.RefreshAsync(_phaseId, cancellationToken);

        // Both entries are edited but the version names one team: the other's edit is not read.
        await SetEntriesAsync(changed, 41);
        await SetEntriesAsync(other, 51);
        await Cache.RefreshAsync(_phaseId, await NextVersionAsync(), changed, cancellationToken);
        Assert.Equal((41, 1), await EntriesShownAsync(changed, other));

        // Later versions are already committed: every entry is read, which takes them all in one step.
        var next = await NextVersionAsync();
        var newest = await NextVersionAsync();
        await SetEntriesAsync(changed, 42);
        await Cache.RefreshAsync(_phaseId, next, changed, cancellationToken);
        Assert.Equal((42, 51), await EntriesShownAsync(changed, other));
        Assert.Equal(newest, (await Cache.GetAsync(_phaseId, cancellationToken))!.Version);

        // A version this replica did not see in between: every entry is read again.
        await SetEntriesAsync(changed, 43);
        await SetEntriesAsync(other, 53);
        await NextVersionAsync();
        await Cache.RefreshAsync(_phaseId, await NextVersionAsync(), changed, cancellationToken);
        Assert.Equal((43, 53), await EntriesShownAsync(changed, other));

        // Back to one change after the version held: one entry read.
        await SetEntriesAsync(changed, 44);
        await SetEntriesAsync(other, 54);
        await Cache.RefreshAsync(_phaseId, await NextVersionAsync(), changed, cancellationToken);
        Assert.Equal((44, 53), await EntriesShownAsync(changed, other));

        // A change not tied to one team: every entry is read again.
        await Cache.RefreshAsync(_phaseId, await NextVersionAsync(), null, cancellationToken);
        Assert.Equal((44, 54), await EntriesShownAsync(changed, other));
    }

    // Each score is followed by its interval, a change of its own.
    private Task EveryIntervalInAsync() => JudgingArena.EventuallyAsync(
        () => WithDbAsync(db => db.LeaderboardEntries.CountAsync(e => e.PhaseId == _phaseId && e.IntervalLower != null)),
        count => count == _teams.Count, "every entry's interval");

    private async Task<(string Held, string Rebuilt)> HeldAndRebuiltAsync()
    {
        var held = await Cache.GetAsync(_phaseId, TestContext.Current.CancellationToken);
        var rebuilt = await WithDbAsync(async db =>
        {
            var phase = await db.Phases.AsNoTracking().SingleAsync(p => p.Id == _phaseId);
            return await PublicBoard.BuildAsync(db, phase, DateTimeOffset.UtcNow, CancellationToken.None);
        });
        return (Shown(held!), Shown(rebuilt));
    }

    // Everything a board shows but the moment it was built.
    private static string Shown(LeaderboardSnapshot board) => JsonSerializer.Serialize(board with { UpdatedAt = default });

    private async Task<(int, int)> EntriesShownAsync(Guid first, Guid second)
    {
        var rows = (await Cache.GetAsync(_phaseId, TestContext.Current.CancellationToken))!.Rows;
        return (rows.Single(r => r.TeamId == first).Entries, rows.Single(r => r.TeamId == second).Entries);
    }

    private Task SetEntriesAsync(Guid teamId, int entries) => WithDbAsync(db => db.LeaderboardEntries
        .Where(e => e.PhaseId == _phaseId && e.TeamId == teamId).ExecuteUpdateAsync(set => set.SetProperty(e => e.Entries, entries)));

    private Task<long> NextVersionAsync() => WithDbAsync(db => db.NextBoardVersionAsync(_phaseId, CancellationToken.None));

    private async Task<T> WithDbAsync<T>(Func<DataChallengeDbContext, Task<T>> query)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>());
    }
}
