using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Judging;

/// <summary>
/// Reveals a phase's private board once. The conditional update is the lock: of two servers revealing at the same
/// moment, one changes the row and writes the audit line; the other changes nothing.
/// </summary>
public static class PhaseReveal
{
    /// <summary>True when this call revealed the board; false when it was already revealed.</summary>
    public static async Task<bool> RevealAsync(DataChallengeDbContext db, Phase phase, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revealed = await db.Phases.Where(p => p.Id == phase.Id && p.PrivateRevealedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.PrivateRevealedAt, now), cancellationToken);
        if (revealed == 0) return false;
        db.Record(phase.ChallengeId, actorId, "board.revealed", $"phase:{phase.Id}",
            actorId is null ? "The private leaderboard was revealed at the phase's end." : "An organiser revealed the private leaderboard.", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
