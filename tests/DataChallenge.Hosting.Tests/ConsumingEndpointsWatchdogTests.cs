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
    private readonly Broker _broker = new();
    private readonly ConsumingEndpointsWatchdog _watchdog;

    public ConsumingEndpointsWatchdogTests()
    {
        _endpoints = new ConsumingEndpoints(_clock);
        _watchdog = new ConsumingEndpointsWatchdog(_endpoints, _broker, new BusOptions { RestartAfter = TimeSpan.FromSeconds(90) }, _lifetime,
            _process, _clock, NullLogger<ConsumingEndpointsWatchdog>.Instance);
        _endpoints.MarkConsuming(ScoreSubmission);
    }

    [Fact]
    public async Task Check_EndsNothing_WhenTheEndpointConsumesAgainWithinTheGrace()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        await AfterAsync(TimeSpan.FromSeconds(80));
        Assert.False(_watchdog.Check());
        _endpoints.MarkConsuming(ScoreSubmission);
        await AfterAsync(TimeSpan.FromMinutes(10));

        Assert.False(_watchdog.Check());
        Assert.Equal(0, _lifetime.StopRequests);
        Assert.Null(_process.ExitCode);
    }

    [Fact]
    public async Task Check_StopsTheApplicationOnceWithTheRestartCode_WhenTheEndpointStaysStoppedPastTheGrace()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        await AfterAsync(TimeSpan.FromSeconds(91));

        Assert.True(_watchdog.Check());
        Assert.True(_watchdog.Check());
        Assert.Equal(1, _lifetime.StopRequests);
        Assert.Equal(ConsumingEndpointsWatchdog.RestartExitCode, _process.ExitCode);
        Assert.Empty(_process.ImmediateExits);
    }

    [Fact]
    public async Task Check_CountsFromTheFirstStop_WhenTheEndpointStopsAgainDuringTheOutage()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        await AfterAsync(TimeSpan.FromSeconds(60));
        // A failed reconnect reports the endpoint stopped again.
        _endpoints.MarkStopped(ScoreSubmission);
        await AfterAsync(TimeSpan.FromSeconds(31));

        Assert.True(_watchdog.Check());
        Assert.Equal(1, _lifetime.StopRequests);
    }

    [Fact]
    public async Task Check_GivesTheReconnectTheWholeGrace_WhenTheBrokerAnswersAgainAfterALongOutage()
    {
        _broker.Answers = false;
        _endpoints.MarkStopped(ScoreSubmission);
        await AfterAsync(TimeSpan.FromMinutes(5));
        Assert.False(_watchdog.Check());

        _broker.Answers = true;
        await AfterAsync(TimeSpan.FromSeconds(89));
        Assert.False(_watchdog.Check());
        await AfterAsync(TimeSpan.FromSeconds(2));

        Assert.True(_watchdog.Check());
        Assert.Equal(1, _lifetime.StopRequests);
    }

    [Fact]
    public async Task Check_EndsTheProcessAtOnce_WhenTheStopHangsPastItsBound()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        await AfterAsync(TimeSpan.FromSeconds(91));
        _watchdog.Check();

        _clock.Advance(ConsumingEndpointsWatchdog.StopAtMost - TimeSpan.FromSeconds(1));
        Assert.Empty(_process.ImmediateExits);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([ConsumingEndpointsWatchdog.RestartExitCode], _process.ImmediateExits);
    }

    [Fact]
    public async Task Check_EndsNothing_WhenTheApplicationIsAlreadyStopping()
    {
        _endpoints.MarkStopped(ScoreSubmission);
        _lifetime.StopApplication();
        await AfterAsync(TimeSpan.FromMinutes(5));

        Assert.False(_watchdog.Check());
        Assert.Null(_process.ExitCode);
    }

    [Fact]
    public async Task Watchdog_StopsTheApplication_WhenRunningAndAnEndpointStaysStopped()
    {
        var stoppedAt = _clock.GetUtcNow();
        _endpoints.MarkStopped(ScoreSubmission);
        await _watchdog.StartAsync(TestContext.Current.CancellationToken);

        // The service runs on its own thread: time passes in steps until it acts, or far past the grace.
        for (var second = 0; second < 300 && _lifetime.StopRequests == 0; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, _lifetime.StopRequests);
        Assert.True(_clock.GetUtcNow() - stoppedAt > TimeSpan.FromSeconds(90), "The watchdog acted within the grace.");
        await _watchdog.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Lets time pass as the running watchdog sees it: the broker is asked before and after.</summary>
    private async Task AfterAsync(TimeSpan elapsed)
    {
        await _watchdog.AskTheBrokerAsync(TestContext.Current.CancellationToken);
        _clock.Advance(elapsed);
        await _watchdog.AskTheBrokerAsync(TestContext.Current.CancellationToken);
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

    private sealed class Broker : IQueueMonitor
    {
        public bool Answers { get; set; } = true;

        public Task<QueueState?> ReadAsync(string queue, CancellationToken cancellationToken)
            => Answers ? Task.FromResult<QueueState?>(new QueueState(queue, 0, 0)) : throw new TimeoutException("The broker does not answer.");
    }

    private sealed class RecordedExit : IProcessExit
    {
        public int? ExitCode { get; private set; }

        public List<int> ImmediateExits { get; } = [];

        public void SetExitCode(int code) => ExitCode = code;

        public void Exit(int code) => ImmediateExits.Add(code);
    }
}
