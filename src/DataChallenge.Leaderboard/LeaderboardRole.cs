using DataChallenge.Leaderboard.Consumers;
using DataChallenge.Leaderboard.Live;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Leaderboard;

/// <summary>The "leaderboard" role: records results, keeps the ranked boards, pushes them live.</summary>
public static class LeaderboardRole
{
    public static IServiceCollection AddLeaderboardRole(this IServiceCollection services)
    {
        return services.AddSingleton<LeaderboardCache>().AddSingleton(new BoardBroadcaster());
    }

    public static void AddLeaderboardConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SubmissionScoringStartedConsumer>();
        bus.AddConsumer<CodeRunStartedConsumer>();
        bus.AddConsumer<CodeRunFinishedConsumer>();
        bus.AddConsumer<SubmissionScoredConsumer>();
        bus.AddConsumer<SubmissionIntervalEstimatedConsumer>();
        bus.AddConsumer<SubmissionRejectedConsumer>();
        bus.AddConsumer<SubmissionFailedConsumer>();
        bus.AddConsumer<HiddenLabelsReadConsumer>();
        bus.AddConsumer<FinalistComparisonProgressedConsumer>();
        bus.AddConsumer<FinalistsComparedConsumer>();
        bus.AddConsumer<PhaseBoardChangedConsumer>();
        // Standings are written once (above); every replica hears that they changed, on an auto-deleted queue of its own.
        var queue = BoardResync.NewQueueName();
        bus.AddConsumer<PhaseBoardUpdatedConsumer>().Endpoint(endpoint =>
        {
            endpoint.Name = queue;
            endpoint.Temporary = true;
        });
        bus.AddReceiveEndpointObserver(provider => new BoardResync(provider.GetRequiredService<LeaderboardCache>(), queue));
    }
}
