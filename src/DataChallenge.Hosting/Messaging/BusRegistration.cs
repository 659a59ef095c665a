using DataChallenge.Hosting.Health;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Hosting.Messaging;

public static class BusRegistration
{
    /// <summary>Adds MassTransit once for every enabled role; each role registers its consumers through <paramref name="addConsumers"/>.</summary>
    public static IServiceCollection AddDataChallengeBus(this IServiceCollection services, IConfiguration configuration,
        Action<IBusRegistrationConfigurator> addConsumers)
    {
        var options = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        services.AddSingleton(options);
        services.AddOptions<MassTransitHostOptions>().Configure(host => host.ConsumerStopTimeout = options.ConsumerStopTimeout);
        services.AddSingleton<ConsumingEndpoints>();
        services.AddReceiveEndpointObserver(provider => provider.GetRequiredService<ConsumingEndpoints>());
        services.AddHealthChecks().AddCheck<ConsumingEndpointsHealthCheck>("consumers", tags: [HealthRegistration.ReadyTag]);
        // Only a broker's endpoints lose their consumer to an outage; the in-memory transport's never stop.
        if (options.UsesRabbitMq && options.RestartAfter > TimeSpan.Zero)
        {
            services.AddSingleton<IProcessExit, EnvironmentProcessExit>();
            services.AddHostedService<ConsumingEndpointsWatchdog>();
        }
        services.AddMassTransit(bus =>
        {
            // A health-data platform opens no connection nobody asked for: MassTransit would report the bus's
            // endpoints, host and versions to its vendor.
            bus.DisableUsageTelemetry();
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "bus";
                health.Tags.Add(HealthRegistration.ReadyTag);
            });
            addConsumers(bus);
            if (options.UsesRabbitMq)
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(new Uri(options.RabbitMqUrl!), host =>
                    {
                        host.PublisherConfirmation = true;
                        host.Heartbeat(options.Heartbeat);
                    });
                    rabbit.PrefetchCount = options.PrefetchCount;
                    rabbit.ConcurrentMessageLimit = options.ConcurrencyLimit;
                    rabbit.UseMessageRetry(retry => retry.Interval(options.RetryLimit, TimeSpan.FromMilliseconds(200)));
                    rabbit.ConfigureEndpoints(context);
                });
                services.AddSingleton<IQueueMonitor, RabbitMqQueueMonitor>();
            }
            else
            {
                bus.UsingInMemory((context, memory) =>
                {
                    memory.ConcurrentMessageLimit = options.ConcurrencyLimit;
                    memory.UseMessageRetry(retry => retry.Interval(options.RetryLimit, TimeSpan.FromMilliseconds(200)));
                    memory.ConfigureEndpoints(context);
                });
                services.AddSingleton<IQueueMonitor, InMemoryQueueMonitor>();
            }
        });
        return services;
    }
}
