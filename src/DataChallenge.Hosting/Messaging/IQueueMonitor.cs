namespace DataChallenge.Hosting.Messaging;

/// <summary>Reads a queue's depth and consumer count, for the organisers' status page.</summary>
public interface IQueueMonitor
{
    /// <summary>Null when the transport cannot tell (the in-memory bus).</summary>
    Task<QueueState?> ReadAsync(string queue, CancellationToken cancellationToken);
}

public sealed record QueueState(string Queue, long Messages, long Consumers);

public sealed class InMemoryQueueMonitor : IQueueMonitor
{
    public Task<QueueState?> ReadAsync(string queue, CancellationToken cancellationToken) => Task.FromResult<QueueState?>(null);
}
