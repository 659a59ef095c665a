using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Judging;

/// <summary>
/// Reveals a phase's private board once. The conditional update is the lock: of two servers revealing at the same
/// moment, one changes the row and writes the audit line; the other changes nothing. A revealed phase is closed: a file
/// scored after the reveal would read its private score at once, one flipped row per upload.
/// </summary>
public static class PhaseReveal
{
    /// <summary>
    /// True when this call revealed the board; false when it was already revealed. An organiser's reveal
    /// (<paramref name="actorId"/> set) closes the phase now if it is still open; the scheduled reveal (no actor) only
    /// follows a close already in the row, so a phase reopened since the job read it stays hidden.
    /// </summary>
    public static async Task<bool> RevealAsync(DataChallengeDbContext db, Phase phase, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hidden = db.Phases.Where(p => p.Id == phase.Id && p.PrivateRevealedAt == null);
        if (actorId is null) hidden = hidden.Where(p => p.ClosesAt != null && p.ClosesAt <= now);
        var revealed = await hidden.ExecuteUpdateAsync(set => set.SetProperty(p => p.PrivateRevealedAt, now), cancellationToken);
        if (revealed == 0) return false;
        var closedNow = await db.Phases.Where(p => p.Id == phase.Id && (p.ClosesAt == null || p.ClosesAt > now))
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.ClosesAt, now), cancellationToken);
        db.Record(phase.ChallengeId, actorId, "board.revealed", $"phase:{phase.Id}",
            actorId is null ? "The private leaderboard was revealed at the phase's end."
                : "An organiser revealed the private leaderboard." + (closedNow > 0 ? " The phase closed to uploads and final choices." : ""), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
