using DataChallenge.Core.Persistence;
using DataChallenge.Leaderboard.Ranking;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Reading;

/// <summary>A phase's public board as the pages show it.</summary>
public sealed record Board(string? PrimaryMetric, bool HigherIsBetter, IReadOnlyList<LeaderboardRow> Rows);

/// <summary>
/// Reads the public board from its materialised entries, ranked exactly as the live stream ranks it. The database is
/// read rather than the leaderboard role's cache, because the api role may run in a process without that role.
/// </summary>
public static class BoardReader
{
    public static async Task<Board> ReadAsync(this DataChallengeDbContext db, Guid phaseId, CancellationToken cancellationToken)
    {
        var entries = await db.LeaderboardEntries.AsNoTracking().Where(e => e.PhaseId == phaseId).ToListAsync(cancellationToken);
        var teamIds = entries.Select(e => e.TeamId).ToList();
        var names = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var primaryMetric = await db.Submissions.AsNoTracking()
            .Where(s => s.PhaseId == phaseId && s.PrimaryMetric != null)
            .Select(s => s.PrimaryMetric).FirstOrDefaultAsync(cancellationToken);
        var higherIsBetter = entries.Count == 0 || entries[0].HigherIsBetter;
        return new Board(primaryMetric, higherIsBetter, Ranker.Rank(entries, names, higherIsBetter));
    }
}
