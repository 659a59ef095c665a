using System.Threading.Channels;

namespace DataChallenge.Leaderboard.Live;

/// <summary>
/// One live viewer's queue of events. It holds a few events at most: a viewer that falls behind loses its queued
/// events and is given the whole current board instead, so it never delays the others nor grows the server's memory.
/// </summary>
public sealed class BoardSubscription : IDisposable
{
    private readonly Channel<BoardFrame> _queue;
    // The events it has not seen yet when it joined; each is let go once taken, as the queue's are.
    private readonly Queue<BoardFrame> _first;
    private readonly Action<BoardSubscription> _leave;
    private volatile bool _leaving;

    internal BoardSubscription(int capacity, bool wholeBoardsOnly, IReadOnlyList<BoardFrame> first, Action<BoardSubscription> leave)
    {
        // Wait mode makes a full queue refuse the write, which is how a viewer that fell behind is noticed.
        _queue = Channel.CreateBounded<BoardFrame>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
        (WholeBoardsOnly, _first, _leave) = (wholeBoardsOnly, new Queue<BoardFrame>(first), leave);
    }

    /// <summary>Asked for a whole board at every change, as the stream worked before deltas.</summary>
    public bool WholeBoardsOnly { get; }

    /// <summary>Events waiting to be sent.</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>How many times the viewer fell behind and was sent the whole board instead of its queued events.</summary>
    public int Overflows { get; private set; }

    /// <summary>Called by the board's feed, one change at a time.</summary>
    internal void Offer(BoardFrame change, BoardFrame wholeBoard)
    {
        var frame = WholeBoardsOnly ? wholeBoard : change;
        if (_queue.Writer.TryWrite(frame) || _leaving) return;
        // The whole board stands for everything queued: the deltas are no longer needed.
        while (_queue.Reader.TryRead(out _)) { }
        Overflows++;
        _queue.Writer.TryWrite(wholeBoard);
    }

    /// <summary>
    /// Waits, without allocating, until an event can be taken; false once the viewer has left and nothing is left to
    /// take. Read with <see cref="TryRead"/>: a viewer keeps no reference to an event it has handed over, since ten
    /// thousand long-lived viewers each pointing at the newest event would make every collection until it ages walk them all.
    /// </summary>
    public ValueTask<bool> WaitToReadAsync()
        => _first.Count > 0 ? ValueTask.FromResult(true) : _queue.Reader.WaitToReadAsync(CancellationToken.None);

    /// <summary>The next event for this viewer, starting with what it has not seen yet.</summary>
    public bool TryRead([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out BoardFrame frame)
        => _first.TryDequeue(out frame) || _queue.Reader.TryRead(out frame);

    /// <summary>Ends the viewer's events when <paramref name="cancellationToken"/> is cancelled; one registration for the whole watch.</summary>
    public CancellationTokenRegistration LeaveWhen(CancellationToken cancellationToken)
        => cancellationToken.UnsafeRegister(static viewer => ((BoardSubscription)viewer!).Leaving(), this);

    private void Leaving()
    {
        _leaving = true;
        _queue.Writer.TryComplete();
    }

    public void Dispose() => _leave(this);
}
