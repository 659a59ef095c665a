using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Leaderboard.Ranking;
using MassTransit;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Recomputes a phase's standings after an organiser's change and announces the new board to every replica.</summary>
public sealed class PhaseBoardChangedConsumer(DataChallengeDbContext db) : IConsumer<PhaseBoardChanged>
{
    public async Task Consume(ConsumeContext<PhaseBoardChanged> context)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken))
        {
            await TeamStanding.RecomputePhaseAsync(db, context.Message.PhaseId, context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        await context.Publish(new PhaseBoardUpdated { PhaseId = context.Message.PhaseId }, context.CancellationToken);
    }
}
