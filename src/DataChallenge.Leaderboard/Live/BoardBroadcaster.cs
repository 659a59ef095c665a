using System.Collections.Concurrent;
using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Leaderboard.Live;

/// <summary>
/// Pushes each change of a phase's public board to its live viewers: serialised once per view that differs (the
/// organisers see names an anonymised board hides), the same bytes queued for every viewer of that view.
/// </summary>
public sealed class BoardBroadcaster(int historyLength = BoardBroadcaster.DefaultHistory, int queueCapacity = BoardBroadcaster.DefaultQueue)
{
    /// <summary>Deltas kept per view for viewers who reconnect: about a minute of a busy reveal.</summary>
    public const int DefaultHistory = 64;

    /// <summary>Events a viewer may have waiting before it is sent the whole board instead.</summary>
    public const int DefaultQueue = 8;

    /// <summary>
    /// Viewers handed a change before the fan-out lets other work run: a board read waits behind one batch of viewers'
    /// writes, not behind ten thousand.
    /// </summary>
    public const int FanOutBatch = 256;

    private readonly ConcurrentDictionary<(Guid PhaseId, bool Organiser), BoardFeed> _feeds = new();

    /// <summary>
    /// Takes a phase's newest board; an older or equal version than the one held is ignored. Completes once every
    /// viewer has the change queued; with many viewers the fan-out lets board reads run between its batches.
    /// </summary>
    public async Task PublishAsync(LeaderboardSnapshot board)
    {
        var shown = BoardView.For(board, isOrganiser: false);
        var step = await Feed(board.PhaseId, false).PublishAsync(shown);
        // Unless the board is hidden or anonymised both views are the same board: its events are serialised once.
        await Feed(board.PhaseId, true).PublishAsync(board, ReferenceEquals(shown, board) ? step : null);
    }

    /// <summary>A new live viewer of the phase's board; null when no board of the phase has been published yet.</summary>
    public BoardSubscription? Subscribe(Guid phaseId, bool organiser, long? lastSeen = null, bool wholeBoardsOnly = false)
        => Feed(phaseId, organiser).Subscribe(lastSeen, wholeBoardsOnly);

    /// <summary>
    /// The phase's whole board at <paramref name="version"/> in one view, serialised once when it was published, so
    /// board reads share its bytes too; null when the feed holds another version.
    /// </summary>
    public BoardFrame? WholeBoard(Guid phaseId, bool organiser, long version)
        => Feed(phaseId, organiser).Current is { } board && board.Version == version ? board : null;

    /// <summary>Viewers watching the phase's board now.</summary>
    public int Viewers(Guid phaseId) => Feed(phaseId, false).Viewers + Feed(phaseId, true).Viewers;

    private BoardFeed Feed(Guid phaseId, bool organiser) => _feeds.GetOrAdd((phaseId, organiser), _ => new BoardFeed(historyLength, queueCapacity));
}
