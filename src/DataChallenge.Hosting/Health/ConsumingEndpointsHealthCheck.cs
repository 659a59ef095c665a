using DataChallenge.Hosting.Messaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataChallenge.Hosting.Health;

/// <summary>
/// Not ready while one of this process's receive endpoints has stayed without a consumer past the grace: a reconnect
/// takes seconds, so an endpoint still stopped after that will not come back on its own and the process needs replacing.
/// </summary>
public sealed class ConsumingEndpointsHealthCheck(ConsumingEndpoints endpoints, BusOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The endpoint may first wait out its in-flight messages, then reconnect.
        var grace = options.ConsumerStopTimeout + TimeSpan.FromSeconds(20);
        var stopped = endpoints.StoppedLongerThan(grace);
        return Task.FromResult(stopped.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("No consumer on " + ConsumingEndpoints.Describe(stopped)));
    }
}
