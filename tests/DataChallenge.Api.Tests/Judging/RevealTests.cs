using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Api.Jobs;
using DataChallenge.Testing.Judging;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Judging;

/// <summary>
/// The private board appears at the phase's end, once, whoever or whatever triggers it. Team A leads the public board
/// and trails on the private rows; team B the other way round.
/// </summary>
public sealed class RevealTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync(closesIn: TimeSpan.FromMinutes(10));
        // The test drives the job itself: Hangfire's own minute tick must not run it in between.
        _arena.Server.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists("reveal-due-phases");
        await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 0, privateSwaps: 4));
        await _arena.ScoredAsync(_arena.TeamB, JudgingFiles.Predictions(publicSwaps: 3, privateSwaps: 0));
        await _arena.BoardRankingAsync("Alpha", "Beta");
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    private async Task<int> RunJobAsync()
    {
        await using var scope = _arena.Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RevealDuePhasesJob>().RunAsync(CancellationToken.None);
    }

    private Task<int> RevealLinesAsync()
        => _arena.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "board.revealed" && a.Subject == $"phase:{_arena.PhaseId}"));

    [Fact]
    public async Task RunAsync_RevealsNothing_WhenThePhaseHasNotClosed()
    {
        Assert.Equal(0, await RunJobAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await _arena.TeamB.Client.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard?board=private")).StatusCode);
        Assert.Equal(0, await RevealLinesAsync());
    }

    [Fact]
    public async Task RunAsync_RevealsOnceWithOneAuditLine_WhenTwoCopiesRunAtOnceAfterTheClose()
    {
        _arena.Clock.Advance(TimeSpan.FromMinutes(11));

        var runs = await Task.WhenAll(RunJobAsync(), RunJobAsync());
        var again = await RunJobAsync();

        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, again);
        Assert.Equal(1, await RevealLinesAsync());
        Assert.Equal(HttpStatusCode.OK, (await _arena.TeamB.Client.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard?board=private")).StatusCode);
    }

    [Fact]
    public async Task PrivateBoard_RanksByPrivateScoresWithPublicRanks_WhenRevealed()
    {
        _arena.Clock.Advance(TimeSpan.FromMinutes(11));
        await RunJobAsync();

        var board = await _arena.BoardAsync(_arena.Anonymous, "private");
        var rows = board.GetProperty("rows").EnumerateArray().ToList();

        Assert.Equal(["Beta", "Alpha"], rows.Select(r => r.GetProperty("team").GetString()));
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal([2, 1], rows.Select(r => r.GetProperty("publicRank").GetInt32()));
        Assert.Equal(1.0, rows[0].GetProperty("score").GetDouble());
        Assert.True(board.TryGetProperty("revealedAt", out var at) && at.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Reveal_RevealsOnce_WhenTheOrganiserAsksTwiceBeforeTheEnd()
    {
        var first = await _arena.Organiser.Client.PostAsync($"/api/phases/{_arena.PhaseId}/reveal", null);
        var second = await _arena.Organiser.Client.PostAsync($"/api/phases/{_arena.PhaseId}/reveal", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyRevealed").GetBoolean());
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyRevealed").GetBoolean());
        Assert.Equal(1, await RevealLinesAsync());
        Assert.Equal(HttpStatusCode.OK, (await _arena.TeamA.Client.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard?board=private")).StatusCode);
    }

    [Fact]
    public async Task SubmissionRead_ShowsThePrivateScore_WhenRevealed()
    {
        var mine = JsonDocument.Parse(await _arena.TeamB.Client.GetStringAsync($"/api/phases/{_arena.PhaseId}/submissions")).RootElement[0];
        Assert.False(mine.TryGetProperty("privateScore", out _));

        await _arena.Organiser.Client.PostAsync($"/api/phases/{_arena.PhaseId}/reveal", null);

        mine = JsonDocument.Parse(await _arena.TeamB.Client.GetStringAsync($"/api/phases/{_arena.PhaseId}/submissions")).RootElement[0];
        Assert.Equal(1.0, mine.GetProperty("privateScore").GetDouble());
    }
}
