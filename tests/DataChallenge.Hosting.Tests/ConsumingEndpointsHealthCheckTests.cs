using DataChallenge.Hosting.Health;
using DataChallenge.Hosting.Messaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace DataChallenge.Hosting.Tests;

/// <summary>The last line of defence: a process whose endpoint never got its consumer back says it is not ready.</summary>
public sealed class ConsumingEndpointsHealthCheckTests
{
    private static readonly Uri ScoreSubmission = new("rabbitmq://localhost/score-submission");
    private readonly FakeTimeProvider _clock = new();
    private readonly ConsumingEndpoints _endpoints;
    private readonly ConsumingEndpointsHealthCheck _check;

    public ConsumingEndpointsHealthCheckTests()
    {
        _endpoints = new ConsumingEndpoints(_clock);
        _check = new ConsumingEndpointsHealthCheck(_endpoints, new BusOptions { ConsumerStopTimeout = TimeSpan.FromSeconds(10) });
        _endpoints.MarkConsuming(ScoreSubmission);
    }

    [Fact]
    public async Task Check_IsUnhealthyAndNamesTheQueue_WhenAnEndpointStaysWithoutConsumerPastTheGrace()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        // Further stop events of the same outage do not restart the clock.
        _endpoints.MarkStopped(ScoreSubmission);
        _clock.Advance(TimeSpan.FromSeconds(11));

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("score-submission for 31 s", result.Description);
    }

    [Fact]
    public async Task Check_IsHealthy_WhenTheEndpointConsumesAgain()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        _clock.Advance(TimeSpan.FromMinutes(5));
        _endpoints.MarkConsuming(ScoreSubmission);

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    private Task<HealthCheckResult> CheckAsync() => _check.CheckHealthAsync(new HealthCheckContext
    {
        Registration = new HealthCheckRegistration("consumers", _check, HealthStatus.Unhealthy, null),
    });
}
