using DataChallenge.Core.Audit;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Jobs;

/// <summary>
/// Notes in the audit trail when phases open and close. Submissions need no job to open or close (the window is
/// checked against the receipt time), so this job only records; each note is claimed with a conditional update and
/// written once, however often or wherever the job runs.
/// </summary>
public sealed class NotePhaseTransitionsJob(DataChallengeDbContext db, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var noted = 0;
        var opened = await db.Phases.AsNoTracking().Where(p => p.OpeningNotedAt == null && p.OpensAt <= now)
            .Select(p => new { p.Id, p.ChallengeId, p.OpensAt }).Take(200).ToListAsync(cancellationToken);
        foreach (var phase in opened)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.Phases.Where(p => p.Id == phase.Id && p.OpeningNotedAt == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.OpeningNotedAt, now), cancellationToken) == 0) continue;
            db.Record(phase.ChallengeId, null, "phase.opened", $"phase:{phase.Id}", $"Opened at {phase.OpensAt:u}.", now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            noted++;
        }

        var closed = await db.Phases.AsNoTracking().Where(p => p.ClosingNotedAt == null && p.ClosesAt != null && p.ClosesAt <= now)
            .Select(p => new { p.Id, p.ChallengeId, p.ClosesAt }).Take(200).ToListAsync(cancellationToken);
        foreach (var phase in closed)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.Phases.Where(p => p.Id == phase.Id && p.ClosingNotedAt == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.ClosingNotedAt, now), cancellationToken) == 0) continue;
            db.Record(phase.ChallengeId, null, "phase.closed", $"phase:{phase.Id}", $"Closed at {phase.ClosesAt:u}.", now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            noted++;
        }
        return noted;
    }
}
