using DataChallenge.Contracts;
using MassTransit;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Rebuilds this replica's copy of a board that another replica (or this one) just wrote, and pushes it live.</summary>
public sealed class PhaseBoardUpdatedConsumer(LeaderboardCache cache) : IConsumer<PhaseBoardUpdated>
{
    public Task Consume(ConsumeContext<PhaseBoardUpdated> context)
        => cache.RefreshAsync(context.Message.PhaseId, context.Message.Version, context.Message.TeamId, context.CancellationToken);
}
