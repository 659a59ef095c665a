using DataChallenge.Hosting.Messaging;

namespace DataChallenge.Api.Tests.Jobs;

/// <summary>A broker whose queues report what the test says; null stands for a transport that cannot tell.</summary>
public sealed class FakeQueueMonitor : IQueueMonitor
{
    public Func<string, QueueState?> Read { get; set; } = _ => null;

    public Task<QueueState?> ReadAsync(string queue, CancellationToken cancellationToken) => Task.FromResult(Read(queue));
}
