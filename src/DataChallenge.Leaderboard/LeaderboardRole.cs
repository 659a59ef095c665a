using DataChallenge.Leaderboard.Consumers;
using DataChallenge.Leaderboard.Live;
using MassTransit;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Leaderboard;

/// <summary>The "leaderboard" role: records results, keeps the ranked boards, pushes them live.</summary>
public static class LeaderboardRole
{
    public static IServiceCollection AddLeaderboardRole(this IServiceCollection services)
    {
        // A response's bytes are sent by the thread that writes them, not queued to a sending thread per core: a live
        // viewer's by the viewers' low-priority writers, a board read's by its request, so a read's answer never waits
        // behind a fan-out's ten thousand sends.
        services.Configure<SocketTransportOptions>(sockets => sockets.UnsafePreferInlineScheduling = true);
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
