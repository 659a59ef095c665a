using System.Diagnostics;
using DataChallenge.Contracts;
using DataChallenge.Hosting.Messaging;
using DataChallenge.Sandbox;
using DataChallenge.Scoring;
using DataChallenge.Worker.Scoring;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Consumers;

/// <summary>
/// Scores one submission: reads the prediction file and the hidden labels from object storage, runs the scoring
/// library and publishes the outcome. It holds no database handle; the leaderboard role records outcomes idempotently,
/// so a redelivered message can at worst produce a result that is then ignored.
/// </summary>
public sealed class ScoreSubmissionConsumer(ScoringRun scoring, ProgramScoringRun programs, IOptions<ScoringOptions> options, TimeProvider clock,
    ILogger<ScoreSubmissionConsumer> logger) : IConsumer<ScoreSubmission>
{
    private static readonly Uri IntervalQueue = new($"queue:{QueueNames.EstimateSubmissionInterval}");
    private static readonly string ScorerVersion = typeof(Scorer).Assembly.GetName().Version?.ToString() ?? "unknown";

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

        if (ProgramConfig.IsProgram(message.ScoringConfig))
        {
            await ScoreWithProgramAsync(context, stopwatch);
            return;
        }

        ScoringConfig config;
        ScoreReport report;
        try
        {
            config = ScoringConfig.Parse(message.ScoringConfig);
            // Reported before the read: a read that then fails still touched the hidden data.
            await context.Publish(new HiddenLabelsRead
            {
                SubmissionId = message.SubmissionId, LabelsKey = message.LabelsKey, LabelsVersion = message.LabelsVersion,
                Purpose = "score", ReadAt = clock.GetUtcNow(),
            }, context.CancellationToken);
            report = await scoring.ScoreAsync(message.LabelsKey, message.PredictionsKey, config, new ScoreOptions { BootstrapResamples = 0 },
                context.CancellationToken);
        }
        catch (ScoringConfigException e)
        {
            await PublishFailure(context, $"The phase's scoring configuration is invalid: {e.Message}");
            return;
        }
        catch (SubmissionRejectedException e) when (e.File == ScoringRun.LabelsFileName)
        {
            // A broken labels file is the organiser's problem; its details stay with the organisers.
            await PublishFailure(context, "The hidden labels could not be read: " + e.Rule);
            return;
        }
        catch (SubmissionRejectedException e)
        {
            await context.Publish(new SubmissionRejected
            {
                SubmissionId = message.SubmissionId, Attempt = message.Attempt, Reason = e.Message, RejectedAt = clock.GetUtcNow(),
                RescoreRunId = message.RescoreRunId, ScoringConfigHash = message.ScoringConfigHash, LabelsVersion = message.LabelsVersion,
            }, context.CancellationToken);
            return;
        }

        await context.Publish(new SubmissionScored
        {
            SubmissionId = message.SubmissionId,
            Attempt = message.Attempt,
            LabelsVersion = message.LabelsVersion,
            PrimaryMetric = report.PrimaryMetric,
            HigherIsBetter = report.HigherIsBetter,
            Scores = ScoresOf(report),
            ScorerVersion = ScorerVersion,
            ScoredAt = clock.GetUtcNow(),
            DurationMilliseconds = stopwatch.Elapsed.TotalMilliseconds,
            RescoreRunId = message.RescoreRunId,
            ScoringConfigHash = message.ScoringConfigHash,
        }, context.CancellationToken);

        if (options.Value.BootstrapResamples > 0)
            await (await context.GetSendEndpoint(IntervalQueue)).Send(new EstimateSubmissionInterval
            {
                SubmissionId = message.SubmissionId, Attempt = message.Attempt, PredictionsKey = message.PredictionsKey,
                LabelsKey = message.LabelsKey, ScoringConfig = message.ScoringConfig, PrimaryMetric = report.PrimaryMetric,
                LabelsVersion = message.LabelsVersion,
            }, context.CancellationToken);
    }

    // An organiser program scores instead of the library; the result travels in the same message as built-in scores.
    private async Task ScoreWithProgramAsync(ConsumeContext<ScoreSubmission> context, Stopwatch stopwatch)
    {
        var message = context.Message;
        ProgramConfig config;
        try
        {
            config = ProgramConfig.Parse(message.ScoringConfig);
        }
        catch (ProgramConfigException e)
        {
            await PublishFailure(context, $"The phase's scoring configuration is invalid: {e.Message}");
            return;
        }

        var outcome = await programs.ScoreAsync(message, config, context.CancellationToken);
        if (outcome.Scores is not { } scores)
        {
            await PublishFailure(context, outcome.Failure ?? "The scoring program failed.", outcome.ProgramOutput);
            return;
        }

        await context.Publish(new SubmissionScored
        {
            SubmissionId = message.SubmissionId,
            Attempt = message.Attempt,
            LabelsVersion = message.LabelsVersion,
            PrimaryMetric = config.PrimaryMetric,
            HigherIsBetter = config.HigherIsBetter,
            Scores = scores,
            ScorerVersion = "program " + config.Archive,
            ScoredAt = clock.GetUtcNow(),
            DurationMilliseconds = stopwatch.Elapsed.TotalMilliseconds,
        }, context.CancellationToken);
    }

    // The program's output joins the organiser-only reason but stays out of the log, which operators and log stores read.
    private Task PublishFailure(ConsumeContext<ScoreSubmission> context, string reason, string? programOutput = null)
    {
        logger.LogWarning("Submission {SubmissionId} failed on the platform side: {Reason}", context.Message.SubmissionId, reason);
        return context.Publish(new SubmissionFailed
        {
            SubmissionId = context.Message.SubmissionId, Attempt = context.Message.Attempt,
            Reason = programOutput is null ? reason : reason + "\n" + programOutput, FailedAt = clock.GetUtcNow(),
            RescoreRunId = context.Message.RescoreRunId, ScoringConfigHash = context.Message.ScoringConfigHash,
            LabelsVersion = context.Message.LabelsVersion,
        }, context.CancellationToken);
    }

    private static List<MetricScore> ScoresOf(ScoreReport report)
    {
        var scores = new List<MetricScore>();
        if (report.Splits is { } splits)
        {
            foreach (var (split, metrics) in splits)
                foreach (var (name, result) in metrics)
                    scores.Add(new MetricScore(split, name, result.Value, result.UndefinedReason));
        }
        else
        {
            foreach (var (name, result) in report.Metrics)
                scores.Add(new MetricScore("all", name, result.Value, result.UndefinedReason));
        }
        return scores;
    }
}
