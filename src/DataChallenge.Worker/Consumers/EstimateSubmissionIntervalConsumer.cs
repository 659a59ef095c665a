using DataChallenge.Contracts;
using DataChallenge.Scoring;
using DataChallenge.Worker.Scoring;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Consumers;

/// <summary>Resamples a scored submission's primary metric and publishes its 95 % interval.</summary>
public sealed class EstimateSubmissionIntervalConsumer(ScoringRun scoring, IOptions<ScoringOptions> options, TimeProvider clock)
    : IConsumer<EstimateSubmissionInterval>
{
    public async Task Consume(ConsumeContext<EstimateSubmissionInterval> context)
    {
        var message = context.Message;
        await context.Publish(new HiddenLabelsRead
        {
            SubmissionId = message.SubmissionId, LabelsKey = message.LabelsKey, LabelsVersion = message.LabelsVersion,
            Purpose = "interval", ReadAt = clock.GetUtcNow(),
        }, context.CancellationToken);
        var report = await scoring.ScoreAsync(message.LabelsKey, message.PredictionsKey, ScoringConfig.Parse(message.ScoringConfig), new ScoreOptions
        {
            OnlyMetric = message.PrimaryMetric,
            BootstrapResamples = options.Value.BootstrapResamples,
            // Intervals are background work: one core stays free for the next submission's score.
            MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1),
            // The seed follows the submission, so a rescore reproduces the same interval.
            Seed = BitConverter.ToUInt64(message.SubmissionId.ToByteArray(), 0),
        }, context.CancellationToken);
        if (report.Interval is not { } interval) return;
        await context.Publish(new SubmissionIntervalEstimated
        {
            SubmissionId = message.SubmissionId, Attempt = message.Attempt,
            Interval = new ScoreInterval(interval.Lower, interval.Upper, interval.Resamples),
        }, context.CancellationToken);
    }
}
