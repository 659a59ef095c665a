using System.Threading.Channels;
using DataChallenge.Contracts;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Scoring;
using DataChallenge.Worker.Scoring;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Consumers;

/// <summary>
/// Runs the paired bootstrap of a phase's finalists on the private split, reports its progress every 5 % and publishes
/// the standings. Every read of the hidden labels is reported for the audit trail first.
/// </summary>
public sealed class CompareFinalistsConsumer([FromKeyedServices(ObjectStoreRoles.Worker)] IObjectStore store, IOptions<ObjectStoreOptions> storeOptions,
    TimeProvider clock) : IConsumer<CompareFinalists>
{
    private const double ProgressStep = 0.05;

    public async Task Consume(ConsumeContext<CompareFinalists> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        foreach (var finalist in message.Finalists)
            await context.Publish(new HiddenLabelsRead
            {
                SubmissionId = finalist.SubmissionId, LabelsKey = message.LabelsKey, LabelsVersion = message.LabelsVersion,
                Purpose = "compare finalists", ReadAt = clock.GetUtcNow(),
            }, cancellationToken);

        var steps = Channel.CreateUnbounded<double>(new UnboundedChannelOptions { SingleReader = true });
        var comparing = CompareAsync(message, new StepProgress(steps.Writer), cancellationToken);
        _ = comparing.ContinueWith(_ => steps.Writer.TryComplete(), TaskScheduler.Default);
        await foreach (var fraction in steps.Reader.ReadAllAsync(cancellationToken))
            await context.Publish(new FinalistComparisonProgressed { ComparisonId = message.ComparisonId, PhaseId = message.PhaseId, Fraction = fraction },
                cancellationToken);

        FinalistsCompared outcome;
        try
        {
            outcome = Outcome(message, await comparing);
        }
        catch (Exception e) when (e is SubmissionRejectedException or ScoringConfigException)
        {
            outcome = new FinalistsCompared
            {
                ComparisonId = message.ComparisonId, PhaseId = message.PhaseId, Metric = "", HigherIsBetter = true, Resamples = message.Resamples,
                ResampledUnit = "", Standings = [], Error = e.Message,
            };
        }
        await context.Publish(outcome, cancellationToken);
    }

    private async Task<FinalistComparisonResult> CompareAsync(CompareFinalists message, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var buckets = storeOptions.Value.Buckets;
        var opened = new List<Stream>();
        try
        {
            var labels = await store.OpenReadAsync(buckets.HiddenLabels, message.LabelsKey, cancellationToken);
            opened.Add(labels);
            var teams = new List<FinalistPredictions>();
            foreach (var finalist in message.Finalists)
            {
                var predictions = await store.OpenReadAsync(buckets.Submissions, finalist.PredictionsKey, cancellationToken);
                opened.Add(predictions);
                teams.Add(new FinalistPredictions(finalist.TeamId.ToString("N"), predictions));
            }

            var options = new ComparisonOptions
            {
                Resamples = message.Resamples, Seed = message.Seed, GroupColumn = message.GroupColumn, LabelsFileName = ScoringRun.LabelsFileName,
                // Background work: one core stays free for the next submission's score.
                MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1),
            };
            return await Task.Factory.StartNew(() => FinalistComparison.Compare(labels, teams, ScoringConfig.Parse(message.ScoringConfig), options, progress,
                cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            foreach (var stream in opened) await stream.DisposeAsync();
        }
    }

    private static FinalistsCompared Outcome(CompareFinalists message, FinalistComparisonResult result)
    {
        var submissions = message.Finalists.ToDictionary(f => f.TeamId.ToString("N"));
        return new FinalistsCompared
        {
            ComparisonId = message.ComparisonId, PhaseId = message.PhaseId, Metric = result.Metric, HigherIsBetter = result.HigherIsBetter,
            Resamples = result.Resamples, ResampledUnit = result.ResampledUnit,
            Standings = result.Standings.Select(s => new FinalistResult(submissions[s.Team].TeamId, submissions[s.Team].SubmissionId, s.Rank, s.Value.Value,
                s.Interval?.Lower, s.Interval?.Upper, s.RankLower, s.RankUpper, s.ProbabilityBetterThanNext, s.TiedGroup)).ToList(),
        };
    }

    /// <summary>Passes on a fraction each time it crosses another 5 %; the library reports far more often.</summary>
    private sealed class StepProgress(ChannelWriter<double> writer) : IProgress<double>
    {
        private int _lastStep;

        public void Report(double value)
        {
            var step = (int)(value / ProgressStep);
            for (var last = Volatile.Read(ref _lastStep); step > last;)
            {
                var seen = Interlocked.CompareExchange(ref _lastStep, step, last);
                if (seen == last)
                {
                    writer.TryWrite(Math.Min(1, step * ProgressStep));
                    return;
                }
                last = seen;
            }
        }
    }
}
