using System.Text.Json;
using DataChallenge.Contracts;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Stores a finalist comparison's standings (or why it failed) with its run and notes it in the audit trail.</summary>
public sealed class FinalistsComparedConsumer(DataChallengeDbContext db, TimeProvider clock) : IConsumer<FinalistsCompared>
{
    public async Task Consume(ConsumeContext<FinalistsCompared> context)
    {
        var m = context.Message;
        var run = await db.FinalistComparisonRuns.FirstOrDefaultAsync(r => r.Id == m.ComparisonId, context.CancellationToken);
        // A redelivered result changes nothing: the first one was recorded.
        if (run is null || run.CompletedAt is not null) return;
        var now = clock.GetUtcNow();
        run.CompletedAt = now;
        run.Progress = 1;
        run.Error = m.Error;
        if (m.Error is null)
            run.ResultJson = JsonSerializer.Serialize(new FinalistComparisonOutcome(m.Metric, m.HigherIsBetter, m.Standings.Select(s =>
                new FinalistComparisonStanding(s.TeamId, s.SubmissionId, s.Rank, s.Value, s.Lower, s.Upper, s.RankLower, s.RankUpper,
                    s.ProbabilityBetterThanNext, s.TiedGroup)).ToList()));
        var challengeId = await db.Phases.Where(p => p.Id == m.PhaseId).Select(p => p.ChallengeId).FirstAsync(context.CancellationToken);
        var groups = m.Standings.Select(s => s.TiedGroup).Distinct().Count();
        db.Record(challengeId, null, "finalists.compared", $"phase:{m.PhaseId}", m.Error is null
            ? $"Paired comparison of {m.Standings.Count} finalists on {m.Metric}, {m.Resamples} resamples of {m.ResampledUnit}: {groups} places."
            : "Paired comparison of finalists failed.", now);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
