using System.Text;
using System.Text.Json;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Leaderboard.Live;

namespace DataChallenge.Leaderboard.Tests.Live;

/// <summary>Live viewers get each change as shared bytes; one that stops reading holds nobody back and stays bounded.</summary>
public sealed class BoardBroadcasterTests
{
    private static readonly Guid Phase = Guid.NewGuid();
    private static readonly Guid[] Teams = [.. Enumerable.Range(0, 5).Select(_ => Guid.NewGuid())];

    [Fact]
    public async Task SlowViewer_NeverDelaysOthersAndStaysBounded_WhenItStopsReading()
    {
        var broadcaster = new BoardBroadcaster();
        await broadcaster.PublishAsync(Board(1, 0.5));
        using var stalled = broadcaster.Subscribe(Phase, organiser: false)!;
        using var reader = broadcaster.Subscribe(Phase, organiser: false)!;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var reading = reader.ReadAllAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await reading.MoveNextAsync());

        // The reader gets each change as soon as it is published, whatever the stalled viewer does.
        for (var version = 2; version <= 101; version++)
        {
            await broadcaster.PublishAsync(Board(version, 0.5 + version / 1000.0));
            Assert.True(await reading.MoveNextAsync());
            Assert.Equal((BoardFrame.DeltaEvent, (long)version), (reading.Current.Name, reading.Current.Version));
            Assert.InRange(stalled.Queued, 0, BoardBroadcaster.DefaultQueue);
        }

        Assert.Equal(0, reader.Overflows);
        Assert.True(stalled.Overflows > 0, "The stalled viewer never fell behind.");
        // When it reads again it starts from a whole board and then follows without a gap to the newest version.
        using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var late = (await ReadUntilAsync(stalled, 101, drain.Token)).Skip(1).ToList();
        Assert.Equal(BoardFrame.BoardEvent, late[0].Name);
        Assert.All(late.Skip(1).Zip(late), pair => Assert.Equal(pair.Second.Version, pair.First.Since));
        Assert.True(late.Count <= BoardBroadcaster.DefaultQueue, $"{late.Count} events were queued for the stalled viewer.");
    }

    [Fact]
    public async Task Publish_SerialisesEachChangeOnce_WhenManyViewersWatch()
    {
        var broadcaster = new BoardBroadcaster();
        await broadcaster.PublishAsync(Board(1, 0.5));
        var viewers = Enumerable.Range(0, 50).Select(_ => broadcaster.Subscribe(Phase, organiser: false)!).ToList();

        await broadcaster.PublishAsync(Board(2, 0.9));

        var frames = new List<BoardFrame>();
        foreach (var viewer in viewers) frames.Add(await SecondAsync(viewer));
        Assert.All(frames, f => Assert.Same(frames[0].Bytes, f.Bytes));
        viewers.ForEach(v => v.Dispose());
        Assert.Equal(0, broadcaster.Viewers(Phase));
    }

    [Fact]
    public async Task Delta_CarriesOnlyTheRowsThatChanged_WhenOneTeamOvertakesAnother()
    {
        var broadcaster = new BoardBroadcaster();
        await broadcaster.PublishAsync(Board(1, 0.5));
        using var viewer = broadcaster.Subscribe(Phase, organiser: false)!;

        // The last team jumps from fifth to second: its row is sent, the three it passed move down as one range, the leader is left out.
        await broadcaster.PublishAsync(Board(2, 0.75));

        var frame = await SecondAsync(viewer);
        using var data = Data(frame);
        Assert.Equal(1, data.RootElement.GetProperty("since").GetInt64());
        var row = Assert.Single(data.RootElement.GetProperty("rows").EnumerateArray());
        Assert.Equal((Teams[4], 2, 0.75), (row.GetProperty("teamId").GetGuid(), row.GetProperty("rank").GetInt32(), row.GetProperty("score").GetDouble()));
        var shift = Assert.Single(data.RootElement.GetProperty("shifts").EnumerateArray());
        Assert.Equal((2, 4, 1), (shift.GetProperty("from").GetInt32(), shift.GetProperty("to").GetInt32(), shift.GetProperty("by").GetInt32()));
        Assert.Empty(data.RootElement.GetProperty("removed").EnumerateArray());
    }

    [Fact]
    public async Task Subscribe_ReplaysExactlyTheMissedDeltas_WhenTheViewerSawARecentVersion()
    {
        var broadcaster = new BoardBroadcaster(historyLength: 4);
        for (var version = 1; version <= 6; version++) await broadcaster.PublishAsync(Board(version, 0.5 + version / 100.0));

        var resumed = First(broadcaster.Subscribe(Phase, organiser: false, lastSeen: 3)!, 3);
        var current = First(broadcaster.Subscribe(Phase, organiser: false, lastSeen: 6)!, 0);
        var tooOld = First(broadcaster.Subscribe(Phase, organiser: false, lastSeen: 1)!, 1);

        Assert.Equal([(BoardFrame.DeltaEvent, 4L), (BoardFrame.DeltaEvent, 5L), (BoardFrame.DeltaEvent, 6L)], resumed);
        Assert.Empty(current);
        Assert.Equal([(BoardFrame.BoardEvent, 6L)], tooOld);
    }

    [Fact]
    public async Task WholeBoard_IsTheViewReadersGet_OnlyForTheVersionTheFeedHolds()
    {
        var broadcaster = new BoardBroadcaster();
        var board = Board(3, 0.5);
        await broadcaster.PublishAsync(board);

        foreach (var organiser in new[] { false, true })
            Assert.Equal(JsonSerializer.Serialize(BoardView.For(board, organiser), JsonSerializerOptions.Web),
                Encoding.UTF8.GetString(broadcaster.WholeBoard(Phase, organiser, 3)?.Json ?? []));
        Assert.Null(broadcaster.WholeBoard(Phase, organiser: false, 2));
        Assert.Null(broadcaster.WholeBoard(Guid.NewGuid(), organiser: false, 3));
    }

    [Fact]
    public async Task OrganisersAndOthers_ShareEachEvent_OnlyWhenTheyAreShownTheSameBoard()
    {
        var broadcaster = new BoardBroadcaster();
        await broadcaster.PublishAsync(Board(1, 0.5));
        using var organiser = broadcaster.Subscribe(Phase, organiser: true)!;
        using var spectator = broadcaster.Subscribe(Phase, organiser: false)!;
        await broadcaster.PublishAsync(Board(2, 0.9));

        Assert.Same(broadcaster.WholeBoard(Phase, organiser: true, 2), broadcaster.WholeBoard(Phase, organiser: false, 2));
        Assert.Same((await SecondAsync(organiser)).Bytes, (await SecondAsync(spectator)).Bytes);

        // Anonymised, the others' board numbers its teams: each view has events of its own.
        await broadcaster.PublishAsync(Board(3, 0.95) with { Anonymised = true });
        var (organisers, others) = (broadcaster.WholeBoard(Phase, organiser: true, 3)!, broadcaster.WholeBoard(Phase, organiser: false, 3)!);
        Assert.NotSame(organisers, others);
        Assert.Contains("team 4", Encoding.UTF8.GetString(organisers.Json));
        Assert.DoesNotContain("team 4", Encoding.UTF8.GetString(others.Json));
    }

    [Fact]
    public async Task WholeBoard_AnswersTheNewBoard_WhileTheFanOutToThousandsOfViewersIsUnderWay()
    {
        var broadcaster = new BoardBroadcaster();
        await broadcaster.PublishAsync(Board(1, 0.5));
        var viewers = Enumerable.Range(0, 3 * BoardBroadcaster.FanOutBatch).Select(_ => broadcaster.Subscribe(Phase, organiser: false)!).ToList();
        var paused = new PausedContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(paused);
        Task publishing;
        try
        {
            publishing = broadcaster.PublishAsync(Board(2, 0.9));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        // One batch has the change; the fan-out has stepped aside, and a read meanwhile gets the new board's bytes.
        Assert.False(publishing.IsCompleted, "The fan-out ran to the last viewer without stepping aside.");
        Assert.Equal(BoardBroadcaster.FanOutBatch, viewers.Count(v => v.Queued == 1));
        Assert.NotNull(broadcaster.WholeBoard(Phase, organiser: false, 2));
        // A viewer joining meanwhile starts from the new board and is not sent the change a second time.
        using var joined = broadcaster.Subscribe(Phase, organiser: false)!;

        while (paused.RunNext()) { }
        await publishing;
        Assert.All(viewers, v => Assert.Equal(1, v.Queued));
        Assert.Equal([(BoardFrame.BoardEvent, 2L)], First(joined, 1));
        viewers.ForEach(v => v.Dispose());
    }

    // Holds what a fan-out posts when it steps aside, so the test sees the world between two batches.
    private sealed class PausedContext : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _posted = new();

        public override void Post(SendOrPostCallback d, object? state) => _posted.Enqueue((d, state));

        public bool RunNext()
        {
            if (!_posted.TryDequeue(out var next)) return false;
            var previous = Current;
            SetSynchronizationContext(this);
            try
            {
                next.Callback(next.State);
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
            return true;
        }
    }

    [Fact]
    public async Task Viewer_LetsGoOfTheBoardItJoinedOn_OnceItHasTakenIt()
    {
        var broadcaster = new BoardBroadcaster();
        await broadcaster.PublishAsync(Board(1, 0.5));
        using var viewer = broadcaster.Subscribe(Phase, organiser: false)!;
        var joinedOn = TakeWeakly(viewer);
        // Newer boards replace it in the feed; only deltas are kept for viewers who reconnect.
        for (var version = 2; version <= 4; version++) await broadcaster.PublishAsync(Board(version, 0.5 + version / 1000.0));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // Thousands of viewers watch for hours, joining on different versions: each whole board they joined on would stay.
        Assert.False(joinedOn.TryGetTarget(out _), "The viewer still holds the whole board it joined on.");
        Assert.True(viewer.TryRead(out var next));
        Assert.Equal(2, next.Version);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference<BoardFrame> TakeWeakly(BoardSubscription viewer)
    {
        Assert.True(viewer.TryRead(out var frame));
        Assert.Equal(BoardFrame.BoardEvent, frame.Name);
        return new WeakReference<BoardFrame>(frame);
    }

    private static List<(string, long)> First(BoardSubscription viewer, int count)
    {
        using var _ = viewer;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var frames = new List<(string, long)>();
        try
        {
            foreach (var frame in viewer.ReadAllAsync(cancel.Token).ToBlockingEnumerable(cancel.Token)) frames.Add((frame.Name, frame.Version));
        }
        catch (OperationCanceledException)
        {
        }
        Assert.Equal(count, frames.Count);
        return frames;
    }

    // The first event is the board the viewer joined on; the second is the change after it.
    private static async Task<BoardFrame> SecondAsync(BoardSubscription viewer)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await viewer.ReadAllAsync(cancel.Token).Skip(1).FirstAsync(cancel.Token);
    }

    private static async Task<List<BoardFrame>> ReadUntilAsync(BoardSubscription viewer, long version, CancellationToken cancellationToken)
    {
        var frames = new List<BoardFrame>();
        await foreach (var frame in viewer.ReadAllAsync(cancellationToken))
        {
            frames.Add(frame);
            if (frame.Version >= version) break;
        }
        return frames;
    }

    private static JsonDocument Data(BoardFrame frame)
    {
        var text = Encoding.UTF8.GetString(frame.Bytes);
        var data = text.Split('\n').Single(line => line.StartsWith("data: ", StringComparison.Ordinal));
        return JsonDocument.Parse(data["data: ".Length..]);
    }

    // Five teams scoring 0.8, 0.7, 0.6, 0.55 and the last team's score, submitted a minute apart: ties are ordered as the ranker orders them.
    private static LeaderboardSnapshot Board(long version, double lastTeam)
    {
        double[] scores = [0.8, 0.7, 0.6, 0.55, lastTeam];
        var at = DateTimeOffset.UnixEpoch;
        var candidates = Teams.Select((team, i) => new RankCandidate(team, Guid.NewGuid(), [scores[i]], at.AddMinutes(i), null, null));
        var rows = BoardRanker.Rank(candidates, [true]).Select(r => new LeaderboardRow(r.Rank, r.Candidate.TeamId,
            $"team {Array.IndexOf(Teams, r.Candidate.TeamId)}", r.Candidate.Keys[0]!.Value, null, null, 1, r.Candidate.SubmittedAt, r.Candidate.SubmittedAt)).ToList();
        return new LeaderboardSnapshot(Phase, version, at.AddSeconds(version), "auc", true, rows);
    }
}
