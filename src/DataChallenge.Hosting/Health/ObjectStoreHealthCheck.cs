using DataChallenge.Hosting.ObjectStorage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DataChallenge.Hosting.Health;

/// <summary>The object store answers: a missing object is a normal answer, a refused connection or a timeout is not.</summary>
public sealed class ObjectStoreHealthCheck(IObjectStore store, IOptions<ObjectStoreOptions> options) : IHealthCheck
{
    // Never written: asking for it costs the server one lookup and proves it reads its buckets.
    private const string ProbeKey = "health/probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ExistsAsync(options.Value.Buckets.Submissions, ProbeKey, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The object store does not answer: " + e.Message);
        }
    }
}
