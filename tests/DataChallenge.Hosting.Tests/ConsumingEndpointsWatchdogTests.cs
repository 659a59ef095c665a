using DataChallenge.Hosting.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DataChallenge.Hosting.Tests;

/// <summary>An endpoint that never gets its consumer back ends the process, for its supervisor to start it again.</summary>
public sealed class ConsumingEndpointsWatchdogTests
{
    private static readonly Uri ScoreSubmission = new("rabbitmq://localhost/score-submission");
    private readonly FakeTimeProvider _clock = new();
    private readonly ConsumingEndpoints _endpoints;
    private readonly Lifetime _lifetime = new();
    private readonly RecordedExit _process = new();
    private readonly ConsumingEndpointsWatchdog _watchdog;

    public ConsumingEndpointsWatchdogTests()
    {
        _endpoints = new ConsumingEndpoints(_clock);
        _watchdog = new ConsumingEndpointsWatchdog(_endpoints, new BusOptions { RestartAfter = TimeSpan.FromSeconds(90) }, _lifetime,
            _process, _clock, NullLogger<ConsumingEndpointsWatchdog>.Instance);
        _endpoints.MarkConsuming(ScoreSubmission);
    }

    [Fact]
    public void Check_EndsNothing_WhenTheEndpointConsumesAgainWithinTheGrace()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        _clock.Advance(TimeSpan.FromSeconds(80));
        Assert.False(_watchdog.Check());
        _endpoints.MarkConsuming(ScoreSubmission);
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.False(_watchdog.Check());
        Assert.Equal(0, _lifetime.StopRequests);
        Assert.Null(_process.ExitCode);
    }

    [Fact]
    public void Check_StopsTheApplicationOnceWithTheRestartCode_WhenTheEndpointStaysStoppedPastTheGrace()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        _clock.Advance(TimeSpan.FromSeconds(91));

        Assert.True(_watchdog.Check());
        Assert.True(_watchdog.Check());
        Assert.Equal(1, _lifetime.StopRequests);
        Assert.Equal(ConsumingEndpointsWatchdog.RestartExitCode, _process.ExitCode);
        Assert.Empty(_process.ImmediateExits);
    }

    [Fact]
    public void Check_CountsFromTheFirstStop_WhenTheEndpointStopsAgainDuringTheOutage()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        _clock.Advance(TimeSpan.FromSeconds(60));
        // A failed reconnect reports the endpoint stopped again.
        _endpoints.MarkStopped(ScoreSubmission);
        _clock.Advance(TimeSpan.FromSeconds(31));

        Assert.True(_watchdog.Check());
        Assert.Equal(1, _lifetime.StopRequests);
    }

    [Fact]
    public void Check_EndsTheProcessAtOnce_WhenTheStopHangsPastItsBound()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        _clock.Advance(TimeSpan.FromSeconds(91));
        _watchdog.Check();

        _clock.Advance(ConsumingEndpointsWatchdog.StopAtMost - TimeSpan.FromSeconds(1));
        Assert.Empty(_process.ImmediateExits);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([ConsumingEndpointsWatchdog.RestartExitCode], _process.ImmediateExits);
    }

    [Fact]
    public void Check_EndsNothing_WhenTheApplicationIsAlreadyStopping()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        _lifetime.StopApplication();
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False(_watchdog.Check());
        Assert.Null(_process.ExitCode);
    }

    [Fact]
    public async Task Watchdog_StopsTheApplication_WhenRunningAndAnEndpointStaysStopped()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        await _watchdog.StartAsync(TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromSeconds(92));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (_lifetime.StopRequests == 0 && DateTime.UtcNow < deadline) await Task.Delay(20, TestContext.Current.CancellationToken);

        Assert.Equal(1, _lifetime.StopRequests);
        await _watchdog.StopAsync(TestContext.Current.CancellationToken);
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public int StopRequests { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
            StopRequests++;
            _stopping.Cancel();
        }
    }

    private sealed class RecordedExit : IProcessExit
    {
        public int? ExitCode { get; private set; }

        public List<int> ImmediateExits { get; } = [];

        public void SetExitCode(int code) => ExitCode = code;

        public void Exit(int code) => ImmediateExits.Add(code);
    }
}
