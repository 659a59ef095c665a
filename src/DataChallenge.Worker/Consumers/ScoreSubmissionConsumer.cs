using System.Diagnostics;
using DataChallenge.Contracts;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Scoring;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Consumers;

/// <summary>
/// Scores one submission: reads the prediction file and the hidden labels from object storage, runs the scoring
/// library and publishes the outcome. It holds no database handle; the leaderboard role records outcomes idempotently,
/// so a redelivered message can at worst produce a result that is then ignored.
/// </summary>
public sealed class ScoreSubmissionConsumer(IObjectStore store, IOptions<ObjectStoreOptions> storeOptions, IOptions<ScoringOptions> options,
    TimeProvider clock, ILogger<ScoreSubmissionConsumer> logger) : IConsumer<ScoreSubmission>
{
    private const string LabelsFileName = "hidden labels";
    private const string PredictionsFileName = "your file";

    public async Task Consume(ConsumeContext<ScoreSubmission> context)
    {
        var message = context.Message;
        var stopwatch = Stopwatch.StartNew();
        await context.Publish(new SubmissionScoringStarted
        {
            SubmissionId = message.SubmissionId, Attempt = message.Attempt, StartedAt = clock.GetUtcNow(),
        });

        logger.LogInformation("Scoring submission {SubmissionId} (attempt {Attempt}) against labels version {LabelsVersion}",
            message.SubmissionId, message.Attempt, message.LabelsVersion);
        ScoringConfig config;
        try
        {
            config = ScoringConfig.Parse(message.ScoringConfig);
        }
        catch (ScoringConfigException e)
        {
            await PublishFailure(context, $"The phase's scoring configuration is invalid: {e.Message}");
            return;
        }

        ScoreReport report;
        try
        {
            report = await ScoreAsync(context, config, new ScoreOptions { LabelsFileName = LabelsFileName, PredictionsFileName = PredictionsFileName, BootstrapResamples = 0 });
        }
        catch (SubmissionRejectedException e) when (e.File == LabelsFileName)
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
            });
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
        });

        // The interval is a second, slower pass on the primary metric alone; the board has already moved.
        var resampled = await ScoreAsync(context, config, new ScoreOptions
        {
            LabelsFileName = LabelsFileName, PredictionsFileName = PredictionsFileName, OnlyMetric = report.PrimaryMetric,
            BootstrapResamples = options.Value.BootstrapResamples, Seed = SeedOf(message.SubmissionId),
        });
        if (resampled.Interval is { } interval)
            await context.Publish(new SubmissionIntervalEstimated
            {
                SubmissionId = message.SubmissionId, Attempt = message.Attempt,
                Interval = new ScoreInterval(interval.Lower, interval.Upper, interval.Resamples),
            });
    }

    /// <summary>
    /// One scoring pass over fresh reads of both objects. Storage errors propagate: the bus retries, then parks the
    /// message in the _error queue, and the re-dispatch job tries again later. They are never the competitor's fault.
    /// </summary>
    private async Task<ScoreReport> ScoreAsync(ConsumeContext<ScoreSubmission> context, ScoringConfig config, ScoreOptions scoreOptions)
    {
        var buckets = storeOptions.Value.Buckets;
        await using var labels = await store.OpenReadAsync(buckets.HiddenLabels, context.Message.LabelsKey, context.CancellationToken);
        await using var predictions = await store.OpenReadAsync(buckets.Submissions, context.Message.PredictionsKey, context.CancellationToken);
        // Scoring is long CPU work: a thread of its own keeps the shared pool free for requests and the bus.
        return await Task.Factory.StartNew(() => Scorer.Score(labels, predictions, config, scoreOptions, context.CancellationToken),
            context.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private static readonly string ScorerVersion =
        typeof(Scorer).Assembly.GetName().Version?.ToString() ?? "unknown";

    private Task PublishFailure(ConsumeContext<ScoreSubmission> context, string reason)
    {
        logger.LogWarning("Submission {SubmissionId} failed on the platform side: {Reason}", context.Message.SubmissionId, reason);
        return context.Publish(new SubmissionFailed
        {
            SubmissionId = context.Message.SubmissionId, Attempt = context.Message.Attempt, Reason = reason, FailedAt = clock.GetUtcNow(),
        });
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

    // The bootstrap seed follows the submission, so a rescore reproduces the same interval.
    private static ulong SeedOf(Guid submissionId) => BitConverter.ToUInt64(submissionId.ToByteArray(), 0);
}
