using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Leaderboards;

public static class BoardVersions
{
    /// <summary>
    /// Moves the phase's board to its next version and returns it. Call it inside the transaction that changes the
    /// standings: the row stays locked until the commit, so versions follow the order in which changes are committed.
    /// </summary>
    public static async Task<long> NextBoardVersionAsync(this DataChallengeDbContext db, Guid phaseId, CancellationToken cancellationToken)
    {
        await db.Phases.Where(p => p.Id == phaseId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.BoardVersion, p => p.BoardVersion + 1), cancellationToken);
        return await db.Phases.Where(p => p.Id == phaseId).Select(p => p.BoardVersion).FirstAsync(cancellationToken);
    }
}
