using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataChallenge.Hosting.Health;

public static class HealthRegistration
{
    /// <summary>Checks with this tag decide readiness; each names one dependency.</summary>
    public const string ReadyTag = "ready";

    /// <summary>A dependency that takes longer than this to answer counts as down: a probe must never hang.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static IHealthChecksBuilder AddDataChallengeHealthChecks(this IServiceCollection services, bool usesObjectStore)
    {
        var health = services.AddHealthChecks();
        if (usesObjectStore) health.AddCheck<ObjectStoreHealthCheck>("object-store", tags: [ReadyTag]);
        // After every registration, the bus's included.
        services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var check in options.Registrations) check.Timeout = CheckTimeout;
        });
        return health;
    }
}
