using MassTransit;

namespace DataChallenge.Leaderboard;

/// <summary>
/// Watches this replica's own subscription to board changes. Its queue is deleted whenever the replica loses the
/// broker, so the changes announced meanwhile are gone: each time the queue is consuming again, the cached boards are
/// rebuilt from the database.
/// </summary>
public sealed class BoardResync(LeaderboardCache cache, string queueName) : IReceiveEndpointObserver
{
    /// <summary>A queue name unique to this process, so that no two replicas ever share it and compete for its messages.</summary>
    public static string NewQueueName() => $"phase-board-updated-{Environment.MachineName}-{Guid.NewGuid():N}".ToLowerInvariant();

    public Task Ready(ReceiveEndpointReady ready)
        => ready.InputAddress.AbsolutePath.EndsWith(queueName, StringComparison.Ordinal) ? cache.RefreshAllAsync(CancellationToken.None) : Task.CompletedTask;

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
