using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Stores how far a running finalist comparison has got, and when, so a silent one can be told stuck; a late or repeated report never moves it back.</summary>
public sealed class FinalistComparisonProgressedConsumer(DataChallengeDbContext db, TimeProvider clock) : IConsumer<FinalistComparisonProgressed>
{
    public async Task Consume(ConsumeContext<FinalistComparisonProgressed> context)
    {
        var m = context.Message;
        await db.FinalistComparisonRuns.Where(r => r.Id == m.ComparisonId && r.CompletedAt == null && r.Progress < m.Fraction)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Progress, m.Fraction).SetProperty(r => r.LastProgressAt, clock.GetUtcNow()), context.CancellationToken);
    }
}
