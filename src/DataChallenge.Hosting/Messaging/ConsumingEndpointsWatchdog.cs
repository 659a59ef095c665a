using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Hosting.Messaging;

/// <summary>
/// The last line of defence: a receive endpoint still without a consumer after <see cref="BusOptions.RestartAfter"/>
/// will not come back by itself (its stop can hang on a dead channel), so the process ends with
/// <see cref="RestartExitCode"/> and its supervisor starts it again. Unacknowledged messages go back to their queue and
/// outcomes are idempotent, so the restart loses nothing.
/// </summary>
public sealed class ConsumingEndpointsWatchdog(ConsumingEndpoints endpoints, BusOptions options, IHostApplicationLifetime lifetime,
    IProcessExit process, TimeProvider clock, ILogger<ConsumingEndpointsWatchdog> logger) : BackgroundService
{
    /// <summary>EX_TEMPFAIL: a temporary failure, try again.</summary>
    public const int RestartExitCode = 75;

    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    /// <summary>The stop may hang behind the very endpoint that is stuck: past this, the process ends without it.</summary>
    public static readonly TimeSpan StopAtMost = TimeSpan.FromSeconds(10);

    private ITimer? _forcedExit;

    public bool RestartRequested => _forcedExit is not null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, clock);
        while (!Check() && await timer.WaitForNextTickAsync(stoppingToken)) { }
    }

    /// <summary>Ends the process once an endpoint has stayed stopped past the grace; true once that is under way.</summary>
    public bool Check()
    {
        if (RestartRequested) return true;
        // A stop already under way stops every endpoint: that is no reason to restart.
        if (lifetime.ApplicationStopping.IsCancellationRequested) return false;
        var stopped = endpoints.StoppedLongerThan(options.RestartAfter);
        if (stopped.Count == 0) return false;

        logger.LogCritical("No consumer on {Endpoints} (more than {RestartAfter}); ending the process with exit code {ExitCode} for its supervisor to start it again",
            string.Join(", ", stopped.Select(s => $"{s.Endpoint.AbsolutePath.Trim('/')} for {s.For.TotalSeconds:F0} s")), options.RestartAfter, RestartExitCode);
        process.SetExitCode(RestartExitCode);
        _forcedExit = clock.CreateTimer(_ => process.Exit(RestartExitCode), null, StopAtMost, Timeout.InfiniteTimeSpan);
        lifetime.StopApplication();
        return true;
    }

}
