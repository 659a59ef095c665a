using System.Text.Json;
using DataChallenge.Leaderboard.Live;
using DataChallenge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Leaderboard.Tests.Live;

/// <summary>The live board over HTTP: a whole board first, then only the rows each score changed; a reconnect resumes.</summary>
public sealed class LiveBoardStreamTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private string _slug = "";
    private Guid _phaseId;

    public async ValueTask InitializeAsync()
    {
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _slug = await _organiser.CreateChallengeAsync();
        _phaseId = await _organiser.CreateSamplePhaseAsync(_slug);
        await ScoreAsync(swaps: 2);
        await ScoreAsync(swaps: 4);
    }

    [Fact]
    public async Task LiveBoard_SendsOnlyTheChangedRows_WhenATeamScoresBelowTheOthers()
    {
        await using var live = await LiveEvents.OpenAsync(_server.CreateClient(), _phaseId);
        var board = await live.NextAsync();

        var team = await ScoreAsync(swaps: 10);
        var delta = await live.NextAsync();

        Assert.Equal(("board", 2), (board.Name, board.Data.GetProperty("rows").GetArrayLength()));
        Assert.Equal("delta", delta.Name);
        Assert.Equal(board.Id, delta.Data.GetProperty("since").GetInt64());
        Assert.Equal(delta.Id, delta.Data.GetProperty("version").GetInt64());
        var row = Assert.Single(delta.Data.GetProperty("rows").EnumerateArray());
        Assert.Equal((team, 3), (row.GetProperty("teamId").GetGuid(), row.GetProperty("rank").GetInt32()));
        Assert.Empty(delta.Data.GetProperty("removed").EnumerateArray());
    }

    [Fact]
    public async Task LiveBoard_ResumesWithExactlyTheMissedDeltas_WhenTheClientReconnectsWithLastEventId()
    {
        long seen;
        await using (var first = await LiveEvents.OpenAsync(_server.CreateClient(), _phaseId)) seen = (await first.NextAsync()).Id;
        var missed = new[] { await ScoreAsync(swaps: 6), await ScoreAsync(swaps: 8) };
        var current = (await _organiser.LeaderboardWithEntriesAsync(_phaseId, 4)).GetProperty("version").GetInt64();

        await using var resumed = await LiveEvents.OpenAsync(_server.CreateClient(), _phaseId, lastEventId: seen);
        var events = new List<LiveEvents.Event>();
        while (events.Count == 0 || events[^1].Id < current) events.Add(await resumed.NextAsync());

        Assert.All(events, e => Assert.Equal("delta", e.Name));
        Assert.Equal(seen, events[0].Data.GetProperty("since").GetInt64());
        Assert.All(events.Skip(1).Zip(events), pair => Assert.Equal(pair.Second.Id, pair.First.Data.GetProperty("since").GetInt64()));
        var added = events.SelectMany(e => e.Data.GetProperty("rows").EnumerateArray()).Select(r => r.GetProperty("teamId").GetGuid()).ToHashSet();
        Assert.Equal(missed.ToHashSet(), added);
    }

    [Fact]
    public async Task LiveBoard_SendsTheWholeBoard_WhenLastEventIdIsNotAVersionTheServerHolds()
    {
        var current = (await _organiser.LeaderboardAsync(_phaseId)).GetProperty("version").GetInt64();

        await using var live = await LiveEvents.OpenAsync(_server.CreateClient(), _phaseId, lastEventId: current + 1000);
        var board = await live.NextAsync();

        Assert.Equal(("board", current, 2), (board.Name, board.Id, board.Data.GetProperty("rows").GetArrayLength()));
    }

    [Fact]
    public async Task LiveBoard_SendsTheWholeBoardAtEveryChange_WhenTheClientAsksForFullBoards()
    {
        await using var live = await LiveEvents.OpenAsync(_server.CreateClient(), _phaseId, full: true);
        var first = await live.NextAsync();

        await ScoreAsync(swaps: 10);
        var next = await live.NextAsync();

        Assert.Equal(("leaderboard", 2), (first.Name, first.Data.GetProperty("rows").GetArrayLength()));
        Assert.Equal(("leaderboard", 3), (next.Name, next.Data.GetProperty("rows").GetArrayLength()));
    }

    [Fact]
    public async Task LiveBoard_ForgetsTheViewer_WhenItDisconnects()
    {
        var broadcaster = _server.Services.GetRequiredService<BoardBroadcaster>();
        await using (var live = await LiveEvents.OpenAsync(_server.CreateClient(), _phaseId))
        {
            await live.NextAsync();
            Assert.Equal(1, broadcaster.Viewers(_phaseId));
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (broadcaster.Viewers(_phaseId) > 0) await Task.Delay(20, wait.Token);
    }

    private async Task<Guid> ScoreAsync(int swaps)
    {
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        var team = await competitor.JoinAsync(_slug);
        await competitor.WaitForOutcomeAsync(await competitor.SubmitAsync(_phaseId, SampleFiles.Predictions(swaps: swaps)));
        // The score's interval is estimated afterwards, as a change of its own: the board is settled once it shows.
        using var settle = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await _organiser.LeaderboardAsync(_phaseId)).GetProperty("rows").EnumerateArray()
                   .Any(r => r.GetProperty("teamId").GetGuid() == team && r.GetProperty("intervalLower").ValueKind == JsonValueKind.Number))
            await Task.Delay(50, settle.Token);
        return team;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
