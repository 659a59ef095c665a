using System.Collections.Concurrent;
using System.Threading.Channels;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Leaderboard;

/// <summary>
/// Ranked boards kept in memory, rebuilt from the database for one phase whenever any replica announces that its
/// standings changed, so a read costs a dictionary lookup. Subscribers (the live push) get every new snapshot of the phase they watch.
/// </summary>
public sealed class LeaderboardCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, LeaderboardSnapshot> _boards = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<LeaderboardSnapshot>, byte>> _subscribers = new();

    /// <summary>The phase's current board; null when the phase does not exist.</summary>
    public async ValueTask<LeaderboardSnapshot?> GetAsync(Guid phaseId, CancellationToken cancellationToken)
        => _boards.TryGetValue(phaseId, out var board) ? board : await RefreshAsync(phaseId, cancellationToken);

    /// <summary>Rebuilds a phase's board from its materialised entries and pushes it to the phase's subscribers.</summary>
    public async Task<LeaderboardSnapshot?> RefreshAsync(Guid phaseId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase is null) return null;
        // The phase, and with it the version, is read before the standings: a board is never labelled newer than it is.
        var snapshot = await PublicBoard.BuildAsync(db, phase, clock.GetUtcNow(), cancellationToken);
        // Two refreshes may race; a board older than the one held is neither kept nor pushed.
        var held = _boards.AddOrUpdate(phaseId, snapshot, (_, current) => current.Version > snapshot.Version ? current : snapshot);
        if (!ReferenceEquals(held, snapshot)) return held;
        if (_subscribers.TryGetValue(phaseId, out var channels))
            foreach (var channel in channels.Keys) channel.Writer.TryWrite(snapshot);
        return snapshot;
    }

    /// <summary>Rebuilds the phase's board unless this replica already holds <paramref name="version"/> or a later one.</summary>
    public Task RefreshAsync(Guid phaseId, long version, CancellationToken cancellationToken)
        => _boards.TryGetValue(phaseId, out var board) && board.Version >= version ? Task.CompletedTask : RefreshAsync(phaseId, cancellationToken);

    /// <summary>Rebuilds every board this replica holds, e.g. after it may have missed changes.</summary>
    public async Task RefreshAllAsync(CancellationToken cancellationToken)
    {
        foreach (var phaseId in _boards.Keys) await RefreshAsync(phaseId, cancellationToken);
    }

    /// <summary>Snapshots of one phase as they change, starting with the current one; ends when the caller cancels.</summary>
    public async IAsyncEnumerable<LeaderboardSnapshot> WatchAsync(Guid phaseId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A slow reader only needs the newest board, so older ones are dropped.
        var channel = Channel.CreateBounded<LeaderboardSnapshot>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var channels = _subscribers.GetOrAdd(phaseId, _ => new());
        channels.TryAdd(channel, 0);
        try
        {
            if (await GetAsync(phaseId, cancellationToken) is { } current) yield return current;
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
                yield return snapshot;
        }
        finally
        {
            channels.TryRemove(channel, out _);
        }
    }
}
