using DataChallenge.Contracts;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using MassTransit;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Recomputes a phase's standings after an organiser's change and pushes the new board.</summary>
public sealed class PhaseBoardChangedConsumer(DataChallengeDbContext db, LeaderboardCache cache) : IConsumer<PhaseBoardChanged>
{
    public async Task Consume(ConsumeContext<PhaseBoardChanged> context)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken))
        {
            await TeamStanding.RecomputePhaseAsync(db, context.Message.PhaseId, context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        await cache.RefreshAsync(context.Message.PhaseId, context.CancellationToken);
    }
}
