using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Hosting.Messaging;

/// <summary>
/// The last line of defence: a receive endpoint still without a consumer <see cref="BusOptions.RestartAfter"/> after
/// the broker answers again will not come back by itself (its stop can hang on a dead channel), so the process ends
/// with <see cref="RestartExitCode"/> and its supervisor starts it again. Unacknowledged messages go back to their
/// queue and outcomes are idempotent, so the restart loses nothing. While the broker does not answer, a restart could
/// not help: the process keeps serving what it can.
/// </summary>
public sealed class ConsumingEndpointsWatchdog(ConsumingEndpoints endpoints, IQueueMonitor broker, BusOptions options,
    IHostApplicationLifetime lifetime, IProcessExit process, TimeProvider clock, ILogger<ConsumingEndpointsWatchdog> logger) : BackgroundService
{
    /// <summary>EX_TEMPFAIL: a temporary failure, try again.</summary>
    public const int RestartExitCode = 75;

    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan BrokerAnswersWithin = TimeSpan.FromSeconds(5);

    /// <summary>The stop may hang behind the very endpoint that is stuck: past this, the process ends without it.</summary>
    public static readonly TimeSpan StopAtMost = TimeSpan.FromSeconds(10);

    private DateTimeOffset? _brokerAnsweringSince;
    private ITimer? _forcedExit;

    public bool RestartRequested => _forcedExit is not null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, clock);
        do
        {
            await AskTheBrokerAsync(stoppingToken);
            if (Check()) return;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>While an endpoint is stopped, notes since when the broker answers this process without a break.</summary>
    public async Task AskTheBrokerAsync(CancellationToken cancellationToken)
    {
        var stopped = endpoints.Stopped();
        if (stopped.Count == 0)
        {
            _brokerAnsweringSince = null;
            return;
        }
        try
        {
            await broker.ReadAsync(stopped[0].Segments[^1], cancellationToken).WaitAsync(BrokerAnswersWithin, clock, cancellationToken);
            _brokerAnsweringSince ??= clock.GetUtcNow();
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Unreachable, refused or silent: the endpoints wait for the broker, not for a restart.
            _brokerAnsweringSince = null;
        }
    }

    /// <summary>Ends the process once an endpoint stays stopped past the grace while the broker answers; true once under way.</summary>
    public bool Check()
    {
        if (RestartRequested) return true;
        // A stop already under way stops every endpoint: that is no reason to restart.
        if (lifetime.ApplicationStopping.IsCancellationRequested) return false;
        if (_brokerAnsweringSince is not { } answering || clock.GetUtcNow() - answering <= options.RestartAfter) return false;
        var stopped = endpoints.StoppedLongerThan(options.RestartAfter);
        if (stopped.Count == 0) return false;

        logger.LogCritical("No consumer on {Endpoints} although the broker has answered for {Answering:F0} s; ending the process with exit code {ExitCode} for its supervisor to start it again",
            ConsumingEndpoints.Describe(stopped),
            (clock.GetUtcNow() - answering).TotalSeconds, RestartExitCode);
        process.SetExitCode(RestartExitCode);
        _forcedExit = clock.CreateTimer(_ => process.Exit(RestartExitCode), null, StopAtMost, Timeout.InfiniteTimeSpan);
        lifetime.StopApplication();
        return true;
    }
}
