using System.Collections.Concurrent;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using DataChallenge.Leaderboard.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Leaderboard;

/// <summary>
/// Ranked boards kept in memory, rebuilt from the database for one phase whenever any replica announces that its
/// standings changed, so a read costs a dictionary lookup. Each newer board goes to the live viewers through the broadcaster.
/// </summary>
public sealed class LeaderboardCache(IServiceScopeFactory scopes, TimeProvider clock, BoardBroadcaster broadcaster)
{
    private readonly ConcurrentDictionary<Guid, LeaderboardSnapshot> _boards = new();

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
        await broadcaster.PublishAsync(snapshot);
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
}
