using DataChallenge.Testing;
using MassTransit;
using MassTransit.UsageTracking;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Hosting.Tests;

/// <summary>The platform makes no outbound connection nobody asked for: the bus's usage telemetry is off.</summary>
public sealed class OutboundTelemetryTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Server_SendsNoRequestOffThisMachine_WhenItRunsPastTheBusTelemetryDelay()
    {
        using var outbound = new OutboundRequests();
        // Were usage telemetry on, its report would come at the earliest the vendor allows, inside this test's window.
        _server.ConfigureServices = services => services.Configure<UsageTelemetryOptions>(o => o.ReportDelay = TimeSpan.FromSeconds(30));
        var client = _server.CreateClient();
        var organiser = await ApiSession.RegisterAsync(client);
        await organiser.CreateChallengeAsync();

        await Task.Delay(TimeSpan.FromSeconds(40), TestContext.Current.CancellationToken);

        var offMachine = outbound.Sent.Where(uri => !uri.IsLoopback).Select(uri => uri.Host).Distinct().ToList();
        Assert.True(offMachine.Count == 0, "The server called out to: " + string.Join(", ", offMachine));
    }

    [Fact]
    public async Task Bus_SendsNoUsageTelemetry_WhenTheServerRuns()
    {
        await _server.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        // The tracker reads MASSTRANSIT_USAGE_TELEMETRY too; the configured option must hold without it.
        var tracker = Assert.IsType<UsageTracker>(_server.Services.GetRequiredService<IUsageTracker>());
        Assert.False(tracker.Enabled, "MassTransit would post the bus's endpoints, host and versions to its vendor's server.");
    }
}
