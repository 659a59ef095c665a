using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Leaderboard.Live;

/// <summary>
/// The live events of one view of one phase's board (the public view, or the organisers'): the current board, the
/// last few deltas for viewers who reconnect, and the viewers watching now.
/// </summary>
internal sealed class BoardFeed(int historyLength, int queueCapacity)
{
    private readonly Lock _gate = new();
    // One publish at a time, fan-out included, so every viewer gets the changes in version order.
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly Queue<BoardFrame> _history = new();
    private readonly HashSet<BoardSubscription> _viewers = [];
    private LeaderboardSnapshot? _board;
    private volatile BoardFrame? _whole;

    public int Viewers { get { lock (_gate) return _viewers.Count; } }

    /// <summary>The newest board as one event, serialised when it was published; read without waiting for a publish.</summary>
    public BoardFrame? Current => _whole;

    /// <summary>
    /// Takes a newer board, turns it into one event (serialised once) and queues it for every viewer, a batch at a time.
    /// When <paramref name="sameAs"/> is another view's step from the same board to the same board, its events are
    /// reused. Returns this step, or null when the board was not newer.
    /// </summary>
    public async Task<Step?> PublishAsync(LeaderboardSnapshot board, Step? sameAs = null)
    {
        await _publishing.WaitAsync();
        try
        {
            if (Advance(board, sameAs) is not var (step, viewers)) return null;
            for (var start = 0; start < viewers.Length; start += BoardBroadcaster.FanOutBatch)
            {
                if (start > 0) await Task.Yield();
                foreach (var viewer in viewers.AsSpan(start, Math.Min(BoardBroadcaster.FanOutBatch, viewers.Length - start))) viewer.Offer(step.Change, step.Whole);
            }
            return step;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>One change of a view: from which board to which, and its events.</summary>
    internal sealed record Step(LeaderboardSnapshot? From, LeaderboardSnapshot To, BoardFrame Change, BoardFrame Whole);

    // The new board becomes current before the fan-out starts: a viewer who joins meanwhile starts from it and is not
    // among the viewers the change is sent to, so it neither misses the change nor gets it twice.
    private (Step Step, BoardSubscription[] Viewers)? Advance(LeaderboardSnapshot board, Step? sameAs)
    {
        lock (_gate)
        {
            if (_board is not null && board.Version <= _board.Version) return null;
            var step = sameAs is not null && ReferenceEquals(sameAs.From, _board) && ReferenceEquals(sameAs.To, board)
                ? sameAs
                : StepBetween(_board, board);
            (_board, _whole) = (board, step.Whole);
            if (step.Change.IsDelta)
            {
                _history.Enqueue(step.Change);
                if (_history.Count > historyLength) _history.Dequeue();
            }
            // A delta across this change cannot be written, so none older than it can be replayed either.
            else _history.Clear();
            return (step, [.. _viewers]);
        }
    }

    private static Step StepBetween(LeaderboardSnapshot? from, LeaderboardSnapshot to)
    {
        var whole = BoardFrame.Whole(to);
        return new Step(from, to, from is not null && BoardDiff.Between(from, to) is { } delta ? BoardFrame.Delta(delta) : whole, whole);
    }

    /// <summary>
    /// A new viewer. One that last saw <paramref name="lastSeen"/> gets the deltas since, when they are all still
    /// held; everyone else gets the whole board first. Null before the feed has a board.
    /// </summary>
    public BoardSubscription? Subscribe(long? lastSeen, bool wholeBoardsOnly)
    {
        lock (_gate)
        {
            if (_board is null || _whole is null) return null;
            var first = !wholeBoardsOnly && lastSeen is { } version && Since(version) is { } missed ? missed : [_whole];
            var viewer = new BoardSubscription(queueCapacity, wholeBoardsOnly, first, Leave);
            _viewers.Add(viewer);
            return viewer;
        }
    }

    private List<BoardFrame>? Since(long version)
    {
        if (version == _board!.Version) return [];
        // The held deltas form one chain ending at the current board; the viewer's version must be where one starts.
        var missed = _history.SkipWhile(frame => frame.Since != version).ToList();
        return missed.Count > 0 ? missed : null;
    }

    private void Leave(BoardSubscription viewer)
    {
        lock (_gate) _viewers.Remove(viewer);
    }
}
