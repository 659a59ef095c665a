using DataChallenge.Api.Features.FinalistComparisons;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Jobs;

/// <summary>
/// Fails finalist comparisons whose worker went silent, and starts the comparison of recently revealed phases whose
/// private scores became final after the reveal (a file still scoring, a rescoring with new labels). Safe to run twice:
/// each labels version gets one automatic run.
/// </summary>
public sealed class CompareFinalistsAtCloseJob(DataChallengeDbContext db, FinalistComparisonStarter starter, TimeProvider clock)
{
    /// <summary>
    /// Older reveals are left alone: a phase that never had two teams would otherwise be looked at forever. Every phase
    /// of the window is looked at, none capped away, so such phases cannot keep a newer reveal from its comparison.
    /// </summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await starter.FailStuckAsync(null, cancellationToken);
        var since = clock.GetUtcNow() - Lookback;
        var phases = await db.Phases.AsNoTracking().Where(p => p.PrivateRevealedAt >= since && p.LabelsVersion > 0)
            .Where(p => !db.FinalistComparisonRuns.Any(r => r.PhaseId == p.Id && r.AutomaticForLabelsVersion == p.LabelsVersion))
            .ToListAsync(cancellationToken);
        var started = 0;
        foreach (var phase in phases)
            if (await starter.AtCloseAsync(phase, cancellationToken) is not null) started++;
        return started;
    }
}
