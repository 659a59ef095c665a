using DataChallenge.Testing;
using MassTransit.UsageTracking;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Hosting;

/// <summary>The platform makes no outbound connection of its own: the bus's usage telemetry is off.</summary>
public sealed class OutboundTelemetryTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Bus_SendsNoUsageTelemetry_WhenTheServerRuns()
    {
        await _server.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        // The tracker reads MASSTRANSIT_USAGE_TELEMETRY too; the configured option must hold without it.
        var tracker = Assert.IsType<UsageTracker>(_server.Services.GetRequiredService<IUsageTracker>());
        Assert.False(tracker.Enabled, "MassTransit would post the bus's endpoints, host and versions to its vendor's server.");
    }
}
