using DataChallenge.Api.Features.FinalistComparisons;
using DataChallenge.Contracts;
using DataChallenge.Core.Judging;
using DataChallenge.Core.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Api.Jobs;

/// <summary>
/// Reveals the private board of every phase that has closed. Each reveal is a conditional update, so the job may run
/// twice, late, or on two servers at once: every phase is revealed once, with one audit line. Its finalists are then
/// compared by themselves.
/// </summary>
public sealed class RevealDuePhasesJob(DataChallengeDbContext db, IPublishEndpoint bus, FinalistComparisonStarter finalists, TimeProvider clock,
    ILogger<RevealDuePhasesJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Phases.AsNoTracking().Where(p => p.PrivateRevealedAt == null && p.ClosesAt != null && p.ClosesAt <= now)
            .OrderBy(p => p.ClosesAt).Take(200).ToListAsync(cancellationToken);
        var revealed = 0;
        foreach (var phase in due)
        {
            if (!await PhaseReveal.RevealAsync(db, phase, actorId: null, now, cancellationToken)) continue;
            revealed++;
            logger.LogInformation("Revealed the private leaderboard of phase {PhaseId}", phase.Id);
            await bus.Publish(new PhaseBoardChanged { PhaseId = phase.Id, ChangedAt = now }, cancellationToken);
            await finalists.AtCloseAsync(phase, cancellationToken);
        }
        return revealed;
    }
}
