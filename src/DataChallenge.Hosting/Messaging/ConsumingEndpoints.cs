using System.Collections.Concurrent;
using MassTransit;

namespace DataChallenge.Hosting.Messaging;

/// <summary>
/// Which of this process's receive endpoints are consuming, and since when the others are not. Fed by the bus's
/// endpoint events; read by the readiness check, the last line of defence against an endpoint that never restarts.
/// </summary>
public sealed class ConsumingEndpoints(TimeProvider clock) : IReceiveEndpointObserver
{
    private readonly ConcurrentDictionary<Uri, DateTimeOffset?> _stoppedSince = new();

    public void MarkConsuming(Uri endpoint) => _stoppedSince[endpoint] = null;

    /// <summary>Keeps the first moment it stopped: repeated stop events during one outage do not reset the clock.</summary>
    public void MarkStopped(Uri endpoint) => _stoppedSince.AddOrUpdate(endpoint, clock.GetUtcNow(), (_, since) => since ?? clock.GetUtcNow());

    public IReadOnlyList<Uri> Stopped() => _stoppedSince.Where(e => e.Value is not null).Select(e => e.Key).ToList();

    /// <summary>Endpoints without a consumer for longer than <paramref name="grace"/>, with how long.</summary>
    public IReadOnlyList<(Uri Endpoint, TimeSpan For)> StoppedLongerThan(TimeSpan grace)
    {
        var now = clock.GetUtcNow();
        return _stoppedSince.Where(e => e.Value is { } since && now - since > grace).Select(e => (e.Key, now - e.Value!.Value)).ToList();
    }

    /// <summary>The endpoints and how long each has had no consumer, in words for a log line or a health report.</summary>
    public static string Describe(IEnumerable<(Uri Endpoint, TimeSpan For)> stopped)
        => string.Join(", ", stopped.Select(s => $"{s.Endpoint.AbsolutePath.Trim('/')} for {s.For.TotalSeconds:F0} s"));

    public Task Ready(ReceiveEndpointReady ready) => Noted(ready.InputAddress, consuming: true);

    public Task Stopping(ReceiveEndpointStopping stopping) => Noted(stopping.InputAddress, consuming: false);

    public Task Completed(ReceiveEndpointCompleted completed) => Noted(completed.InputAddress, consuming: false);

    public Task Faulted(ReceiveEndpointFaulted faulted) => Noted(faulted.InputAddress, consuming: false);

    private Task Noted(Uri endpoint, bool consuming)
    {
        if (consuming) MarkConsuming(endpoint);
        else MarkStopped(endpoint);
        return Task.CompletedTask;
    }
}
