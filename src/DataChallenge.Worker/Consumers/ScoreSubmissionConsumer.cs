using System.Diagnostics;
using DataChallenge.Contracts;
using DataChallenge.Hosting.Messaging;
using DataChallenge.Sandbox;
using DataChallenge.Worker.Scoring;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Consumers;

/// <summary>
/// Scores one submission, with the scoring library or the organiser's program, and publishes what came of it. Every
/// message leaves from here, the same for both, so a rescoring or an audit never depends on how a phase is scored. It
/// holds no database handle; the leaderboard role records outcomes idempotently, so a redelivered message can at worst
/// produce a result that is then ignored.
/// </summary>
public sealed class ScoreSubmissionConsumer(BuiltInScoring library, ProgramScoringRun programs, IOptions<ScoringOptions> options, TimeProvider clock,
    ILogger<ScoreSubmissionConsumer> logger) : IConsumer<ScoreSubmission>
{
    private static readonly Uri IntervalQueue = new($"queue:{QueueNames.EstimateSubmissionInterval}");

    public async Task Consume(ConsumeContext<ScoreSubmission> context)
    {
        var message = context.Message;
        var stopwatch = Stopwatch.StartNew();
        logger.LogInformation("Scoring submission {SubmissionId} (attempt {Attempt}) against labels version {LabelsVersion}",
            message.SubmissionId, message.Attempt, message.LabelsVersion);
        await context.Publish(new SubmissionScoringStarted
        {
            SubmissionId = message.SubmissionId, Attempt = message.Attempt, StartedAt = clock.GetUtcNow(),
        }, context.CancellationToken);
        await using var lease = ScoringLease.Hold(context, message, options.Value.LeaseRenewEvery, clock, logger);

        // Reported before the read: a read that then fails still touched the hidden data.
        Task BeforeLabelsRead() => context.Publish(new HiddenLabelsRead
        {
            SubmissionId = message.SubmissionId, LabelsKey = message.LabelsKey, LabelsVersion = message.LabelsVersion,
            Purpose = "score", ReadAt = clock.GetUtcNow(),
        }, context.CancellationToken);

        var outcome = ProgramConfig.IsProgram(message.ScoringConfig)
            ? await programs.ScoreAsync(message, BeforeLabelsRead, context.CancellationToken)
            : await library.ScoreAsync(message, BeforeLabelsRead, context.CancellationToken);
        await PublishAsync(context, outcome, stopwatch.Elapsed);
    }

    // Every result echoes the rescoring run, the configuration hash and the labels version the command carried.
    private async Task PublishAsync(ConsumeContext<ScoreSubmission> context, ScoringOutcome outcome, TimeSpan took)
    {
        var message = context.Message;
        var now = clock.GetUtcNow();
        switch (outcome)
        {
            case ScoringOutcome.Scored scored:
                await context.Publish(new SubmissionScored
                {
                    SubmissionId = message.SubmissionId, Attempt = message.Attempt, LabelsVersion = message.LabelsVersion,
                    PrimaryMetric = scored.PrimaryMetric, HigherIsBetter = scored.HigherIsBetter, Scores = scored.Scores,
                    ScorerVersion = scored.ScorerVersion, ScoredAt = now, DurationMilliseconds = took.TotalMilliseconds,
                    RescoreRunId = message.RescoreRunId, ScoringConfigHash = message.ScoringConfigHash, Groups = scored.Groups,
                }, context.CancellationToken);
                if (scored.EstimateInterval && options.Value.BootstrapResamples > 0)
                    await SendIntervalAsync(context, scored.PrimaryMetric);
                break;
            case ScoringOutcome.Rejected rejected:
                await context.Publish(new SubmissionRejected
                {
                    SubmissionId = message.SubmissionId, Attempt = message.Attempt, Reason = rejected.Reason, RejectedAt = now,
                    RescoreRunId = message.RescoreRunId, ScoringConfigHash = message.ScoringConfigHash, LabelsVersion = message.LabelsVersion,
                }, context.CancellationToken);
                break;
            case ScoringOutcome.Failed failed:
                // The program's output joins the organiser-only reason but stays out of the log, which operators and log stores read.
                logger.LogWarning("Submission {SubmissionId} failed on the platform side: {Reason}", message.SubmissionId, failed.Reason);
                await context.Publish(new SubmissionFailed
                {
                    SubmissionId = message.SubmissionId, Attempt = message.Attempt, FailedAt = now,
                    Reason = failed.ProgramOutput is null ? failed.Reason : failed.Reason + "\n" + failed.ProgramOutput,
                    RescoreRunId = message.RescoreRunId, ScoringConfigHash = message.ScoringConfigHash, LabelsVersion = message.LabelsVersion,
                }, context.CancellationToken);
                break;
            default:
                throw new UnreachableException($"Unknown scoring outcome {outcome.GetType().Name}.");
        }
    }

    private async Task SendIntervalAsync(ConsumeContext<ScoreSubmission> context, string primaryMetric)
    {
        var message = context.Message;
        await (await context.GetSendEndpoint(IntervalQueue)).Send(new EstimateSubmissionInterval
        {
            SubmissionId = message.SubmissionId, Attempt = message.Attempt, PredictionsKey = message.PredictionsKey,
            LabelsKey = message.LabelsKey, ScoringConfig = message.ScoringConfig, PrimaryMetric = primaryMetric,
            LabelsVersion = message.LabelsVersion,
        }, context.CancellationToken);
    }
}
