using System.Threading.Channels;

namespace DataChallenge.Leaderboard.Live;

/// <summary>
/// One live viewer's queue of events. It holds a few events at most: a viewer that falls behind loses its queued
/// events and is given the whole current board instead, so it never delays the others nor grows the server's memory.
/// </summary>
public sealed class BoardSubscription : IDisposable
{
    private readonly Channel<BoardFrame> _queue;
    private readonly IReadOnlyList<BoardFrame> _first;
    private readonly Action<BoardSubscription> _leave;
    private volatile bool _leaving;

    internal BoardSubscription(int capacity, bool wholeBoardsOnly, IReadOnlyList<BoardFrame> first, Action<BoardSubscription> leave)
    {
        // Wait mode makes a full queue refuse the write, which is how a viewer that fell behind is noticed.
        _queue = Channel.CreateBounded<BoardFrame>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
        (WholeBoardsOnly, _first, _leave) = (wholeBoardsOnly, first, leave);
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

    /// <summary>The events for this viewer, starting with what it has not seen yet; ends when the caller cancels.</summary>
    public async IAsyncEnumerable<BoardFrame> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var frame in _first) yield return frame;
        // One registration for the whole watch, and waits without a token: a wait that takes one allocates an operation
        // and a registration at every change, in every viewer, each held from the viewer's long-lived queue, and the
        // next collection must find and keep ten thousand of them.
        using (cancellationToken.UnsafeRegister(static viewer => ((BoardSubscription)viewer!).Leaving(), this))
        {
            while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
                while (_queue.Reader.TryRead(out var frame)) yield return frame;
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Leaving()
    {
        _leaving = true;
        _queue.Writer.TryComplete();
    }

    public void Dispose() => _leave(this);
}
