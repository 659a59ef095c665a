using DataChallenge.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Worker.Scoring;

/// <summary>
/// Renews a submission's lease while a worker scores it: every interval it publishes <see cref="SubmissionScoringRenewed"/>,
/// which the leaderboard role records as the submission's last sign of life. Disposing it ends the renewals.
/// </summary>
public sealed class ScoringLease : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _renewals;

    // Linked to the consume context: a renewal stuck on a dead broker link ends when the bus cancels the consumer.
    private ScoringLease(ConsumeContext context, Guid submissionId, int attempt, TimeSpan every, TimeProvider clock, ILogger logger)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        _renewals = RenewAsync(context, submissionId, attempt, every, clock, logger, _stop.Token);
    }

    public static ScoringLease Hold(ConsumeContext context, ScoreSubmission message, TimeSpan every, TimeProvider clock, ILogger logger)
        => new(context, message.SubmissionId, message.Attempt, every, clock, logger);

    /// <summary>The same lease for a code run: the platform sees one submission still being worked on, whatever the stage.</summary>
    public static ScoringLease Hold(ConsumeContext context, RunCodeSubmission message, TimeSpan every, TimeProvider clock, ILogger logger)
        => new(context, message.SubmissionId, message.Attempt, every, clock, logger);

    private static async Task RenewAsync(IPublishEndpoint bus, Guid submissionId, int attempt, TimeSpan every, TimeProvider clock, ILogger logger,
        CancellationToken stop)
    {
        using var timer = new PeriodicTimer(every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await bus.Publish(new SubmissionScoringRenewed
                    {
                        SubmissionId = submissionId, Attempt = attempt, RenewedAt = clock.GetUtcNow(),
                    }, stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A missed renewal is not fatal: the next one may pass, and at worst the submission is dispatched again.
                    logger.LogWarning(e, "The lease of submission {SubmissionId} could not be renewed", submissionId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewals;
        _stop.Dispose();
    }
}
