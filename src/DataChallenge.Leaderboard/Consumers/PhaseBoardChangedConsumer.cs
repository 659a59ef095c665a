using DataChallenge.Contracts;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using MassTransit;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Recomputes a phase's standings after an organiser's change and announces the new board to every replica.</summary>
public sealed class PhaseBoardChangedConsumer(DataChallengeDbContext db) : IConsumer<PhaseBoardChanged>
{
    public async Task Consume(ConsumeContext<PhaseBoardChanged> context)
    {
        var (phaseId, cancellationToken) = (context.Message.PhaseId, context.CancellationToken);
        long version;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await TeamStanding.RecomputePhaseAsync(db, phaseId, cancellationToken);
            version = await db.NextBoardVersionAsync(phaseId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await context.Publish(new PhaseBoardUpdated { PhaseId = phaseId, Version = version }, cancellationToken);
    }
}
