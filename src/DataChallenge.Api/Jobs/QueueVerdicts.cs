using DataChallenge.Hosting.Messaging;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Api.Jobs;

/// <summary>What a scoring queue says about the submissions waiting on it.</summary>
public enum QueueVerdict
{
    /// <summary>The transport cannot tell (the in-memory bus): act on the submission's own clock.</summary>
    Unknown,

    /// <summary>No consumer, or the broker does not answer: waiting is an outage, not a failed attempt.</summary>
    NobodyConsuming,

    /// <summary>Messages are still queued: the submission's command may be among them.</summary>
    Backlog,

    /// <summary>A live consumer and an empty queue: a submission still waiting lost its command or its worker.</summary>
    Drained,
}

/// <summary>Reads each queue at most once per run of the stuck-submission job.</summary>
public sealed class QueueVerdicts(IQueueMonitor monitor, ILogger<QueueVerdicts> logger)
{
    private readonly Dictionary<string, QueueVerdict> _read = [];

    public async Task<QueueVerdict> ReadAsync(string queue, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue(queue, out var known)) return known;
        var verdict = await ReadOnceAsync(queue, cancellationToken);
        if (verdict is QueueVerdict.NobodyConsuming or QueueVerdict.Backlog)
            logger.LogWarning("Queue {Queue}: {Verdict}; stuck submissions wait without using an attempt", queue, verdict);
        return _read[queue] = verdict;
    }

    private async Task<QueueVerdict> ReadOnceAsync(string queue, CancellationToken cancellationToken)
    {
        QueueState? state;
        try
        {
            state = await monitor.ReadAsync(queue, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Queue {Queue} could not be read", queue);
            return QueueVerdict.NobodyConsuming;
        }
        return state switch
        {
            null => QueueVerdict.Unknown,
            { Consumers: 0 } => QueueVerdict.NobodyConsuming,
            { Messages: > 0 } => QueueVerdict.Backlog,
            _ => QueueVerdict.Drained,
        };
    }
}
