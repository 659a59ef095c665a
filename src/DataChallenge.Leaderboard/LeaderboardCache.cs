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
    private readonly ConcurrentDictionary<Guid, Held> _boards = new();

    /// <summary>The phase's current board; null when the phase does not exist.</summary>
    public async ValueTask<LeaderboardSnapshot?> GetAsync(Guid phaseId, CancellationToken cancellationToken)
        => _boards.TryGetValue(phaseId, out var held) ? held.Board : await RefreshAsync(phaseId, cancellationToken);

    /// <summary>Rebuilds a phase's board from all its materialised entries and pushes it to the phase's subscribers.</summary>
    public Task<LeaderboardSnapshot?> RefreshAsync(Guid phaseId, CancellationToken cancellationToken)
        => RebuildAsync(phaseId, null, cancellationToken);

    /// <summary>
    /// Rebuilds the phase's board unless this replica already holds <paramref name="version"/> or a later one. When the
    /// version changed one team's entry only and this replica holds the version just before, that entry alone is read.
    /// </summary>
    public Task RefreshAsync(Guid phaseId, long version, Guid? teamId, CancellationToken cancellationToken)
        => _boards.TryGetValue(phaseId, out var held) && held.Board.Version >= version
            ? Task.CompletedTask
            : RebuildAsync(phaseId, teamId is { } team ? new TeamChange(version, team) : null, cancellationToken);

    /// <summary>Rebuilds every board this replica holds, e.g. after it may have missed changes.</summary>
    public async Task RefreshAllAsync(CancellationToken cancellationToken)
    {
        foreach (var phaseId in _boards.Keys) await RefreshAsync(phaseId, cancellationToken);
    }

    private async Task<LeaderboardSnapshot?> RebuildAsync(Guid phaseId, TeamChange? change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase is null) return null;
        // The phase, and with it the version, is read before the standings: a board is never labelled newer than it
        // is. So a board held at the version before a one-team change holds every other change: only that team's entry
        // is read again. When later changes are already committed every entry is read, which takes them all in one step.
        var standings = change is { } team && phase.BoardVersion == team.Version
                        && _boards.TryGetValue(phaseId, out var before) && before.Board.Version == team.Version - 1
            ? await before.Standings.WithTeamAsync(db, phase, team.TeamId, cancellationToken)
            : await PublicStandings.LoadAsync(db, phase, cancellationToken);
        var built = new Held(standings.Board(phase, clock.GetUtcNow()), standings);
        // Two refreshes may race; a board older than the one held is neither kept nor pushed.
        var kept = _boards.AddOrUpdate(phaseId, built, (_, current) => current.Board.Version > built.Board.Version ? current : built);
        if (!ReferenceEquals(kept, built)) return kept.Board;
        await broadcaster.PublishAsync(built.Board);
        return built.Board;
    }

    private sealed record Held(LeaderboardSnapshot Board, PublicStandings Standings);

    private sealed record TeamChange(long Version, Guid TeamId);
}
