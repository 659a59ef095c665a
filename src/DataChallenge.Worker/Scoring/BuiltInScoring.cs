using DataChallenge.Contracts;
using DataChallenge.Scoring;

namespace DataChallenge.Worker.Scoring;

/// <summary>Scores a submission with the scoring library and says what came of it; storage errors propagate so the bus retries.</summary>
public sealed class BuiltInScoring(ScoringRun scoring)
{
    private static readonly string ScorerVersion = typeof(Scorer).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <param name="beforeLabelsRead">Called once, just before the hidden labels are opened.</param>
    public async Task<ScoringOutcome> ScoreAsync(ScoreSubmission message, Func<Task> beforeLabelsRead, CancellationToken cancellationToken)
    {
        try
        {
            var config = ScoringConfig.Parse(message.ScoringConfig);
            await beforeLabelsRead();
            var report = await scoring.ScoreAsync(message.LabelsKey, message.PredictionsKey, config, new ScoreOptions { BootstrapResamples = 0 },
                cancellationToken);
            return new ScoringOutcome.Scored(report.PrimaryMetric, report.HigherIsBetter, ScoresOf(report), ScorerVersion, EstimateInterval: true,
                GroupsOf(report));
        }
        catch (ScoringConfigException e)
        {
            return new ScoringOutcome.Failed($"The phase's scoring configuration is invalid: {e.Message}");
        }
        catch (SubmissionRejectedException e) when (e.File == ScoringRun.LabelsFileName)
        {
            // A broken labels file is the organiser's problem; its details stay with the organisers.
            return new ScoringOutcome.Failed("The hidden labels could not be read: " + e.Rule);
        }
        catch (SubmissionRejectedException e)
        {
            return new ScoringOutcome.Rejected(e.Message);
        }
    }

    // Every group goes with the name of the split it was computed on, so that readers can tell public values from values
    // that include private rows. A suppressed group keeps no value even if one was computed.
    private static List<GroupScore>? GroupsOf(ScoreReport report)
    {
        var splits = report.SplitGroups
            ?? (report.Groups is { } groups ? new Dictionary<string, IReadOnlyList<GroupResult>> { ["all"] = groups } : null);
        return splits?.SelectMany(split => split.Value.Select(g =>
            new GroupScore(split.Key, g.Group, g.Rows, g.Suppressed, g.Suppressed ? null : g.Primary?.Value))).ToList();
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
