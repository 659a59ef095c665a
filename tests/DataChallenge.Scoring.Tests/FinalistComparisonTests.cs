using System.Globalization;
using System.Text;
using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring.Tests;

public sealed class FinalistComparisonTests
{
    private const int Rows = 40;
    private const int Resamples = 400;
    private const ulong Seed = 14;

    private static readonly ScoringConfig Config = ScoringConfig.Parse("""
        {"task_type": "binary_proba", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"],
         "metrics": ["accuracy"], "primary_metric": "accuracy", "group_column": "centre"}
        """);

    // Which rows each team gets right at threshold 0.5. A: all 40. B: rows 0–31 (0.8). C: rows 0–19, D: rows 1–20
    // (both 0.5, so their order is a coin toss). C is right only where B is, so B beats C in every resample that draws
    // one of B's 12 other right rows.
    private static readonly (string Team, Func<int, bool> Right)[] Teams =
    [
        ("C", i => i < 20),
        ("A", _ => true),
        ("D", i => i is >= 1 and <= 20),
        ("B", i => i < 32),
    ];

    [Fact]
    public void Compare_ResolvesTheLeadersAndTiesTheRest_WhenTwoTeamsScoreTheSame()
    {
        var result = Compare(new ComparisonOptions { Resamples = Resamples, Seed = Seed, MaxDegreeOfParallelism = 2 });

        Assert.Equal(["A", "B", "C", "D"], result.Standings.Select(s => s.Team));
        Assert.Equal([["A"], ["B"], ["C", "D"]], result.TiedGroups.Select(g => g.ToArray()).ToArray());
        Assert.Equal([0, 1, 2, 2], result.Standings.Select(s => s.TiedGroup));

        var right = RightByStanding();
        var accuracy = ExpectedAccuracy(right, Resamples, Seed, byCentre: false);

        for (var t = 0; t < 3; t++) Assert.Equal(ExpectedProbabilityBetter(accuracy, t), result.Standings[t].ProbabilityBetterThanNext!.Value, 12);

        Assert.True(result.Standings[0].ProbabilityBetterThanNext >= 0.95);
        Assert.True(result.Standings[1].ProbabilityBetterThanNext >= 0.95);
        Assert.InRange(result.Standings[2].ProbabilityBetterThanNext!.Value, 0.2, 0.8);
        Assert.Null(result.Standings[3].ProbabilityBetterThanNext);

        for (var t = 0; t < 4; t++)
        {
            var values = Enumerable.Range(0, Resamples).Select(r => accuracy[r, t]).Order().ToArray();
            var ranks = Enumerable.Range(0, Resamples).Select(r => 1 + Enumerable.Range(0, 4).Count(o => accuracy[r, o] > accuracy[r, t])).Order().ToArray();
            var standing = result.Standings[t];
            Assert.Equal(Enumerable.Range(0, Rows).Count(i => right[t][i]) / (double)Rows, standing.Value.Value);
            Assert.Equal(NumpyPercentile(values, 2.5), standing.Interval!.Value.Lower, 12);
            Assert.Equal(NumpyPercentile(values, 97.5), standing.Interval!.Value.Upper, 12);
            Assert.Equal(ranks[(int)Math.Floor(0.025 * (Resamples - 1))], standing.RankLower);
            Assert.Equal(ranks[(int)Math.Ceiling(0.975 * (Resamples - 1))], standing.RankUpper);
        }

        Assert.Equal((1, 1), (result.Standings[0].RankLower, result.Standings[0].RankUpper));
        Assert.Equal((3, 4), (result.Standings[2].RankLower, result.Standings[2].RankUpper));
    }

    [Fact]
    public void Compare_DrawsWholeCentres_WhenAGroupColumnIsChosen()
    {
        var progress = new List<double>();
        var options = new ComparisonOptions { Resamples = 100, Seed = 3, GroupColumn = "centre" };

        var result = Compare(options, new SynchronousProgress(progress.Add));

        // Four centres of ten rows (c0 … c3, in file order): each resample draws four centres with replacement.
        var accuracy = ExpectedAccuracy(RightByStanding(), 100, 3, byCentre: true);
        Assert.Equal("groups", result.ResampledUnit);
        for (var t = 0; t < 3; t++) Assert.Equal(ExpectedProbabilityBetter(accuracy, t), result.Standings[t].ProbabilityBetterThanNext!.Value, 12);
        Assert.Equal(1.0, progress[^1]);
        Assert.Equal(progress.Order(), progress);
    }

    [Fact]
    public void Progress_NeverMovesBackwards_WhenWorkersFinishOutOfOrder()
    {
        // Every resample reports, and a report that yields before it lands lets a later worker's report overtake it.
        var options = new ComparisonOptions { Resamples = 100, Seed = 9, MaxDegreeOfParallelism = 8 };
        var runs = Enumerable.Range(0, 20).Select(_ => new List<double>()).ToArray();

        foreach (var reports in runs) Compare(options, new SynchronousProgress(value => { Thread.Yield(); reports.Add(value); }));

        Assert.All(runs, reports => Assert.Equal(reports.Order(), reports));
        Assert.All(runs, reports => Assert.Equal(1.0, reports[^1]));
    }

    [Fact]
    public void Compare_UsesThePrivateRows_WhenThereAreSplits()
    {
        var config = Config with { SplitColumn = "Usage" };
        var labels = new StringBuilder("id,y,centre,Usage\n");
        for (var i = 0; i < Rows; i++) labels.Append(CultureInfo.InvariantCulture, $"{i},{i % 2},c{i / 10},{(i < 20 ? "Public" : "Private")}\n");
        FinalistComparisonResult Run(string split) => FinalistComparison.Compare(ScoringFixture.Utf8(labels.ToString()),
            Teams.Select(t => new FinalistPredictions(t.Team, ScoringFixture.Utf8(Predictions(t.Right)))).ToArray(), config,
            new ComparisonOptions { Resamples = 50, Split = split }, cancellationToken: TestContext.Current.CancellationToken);

        // On rows 20–39 D is right once (row 20) and C never; on rows 0–19 C is right on all and D on 19.
        var hidden = Run("private").Standings.ToDictionary(s => s.Team, s => s.Value.Value);
        var shown = Run("public").Standings.ToDictionary(s => s.Team, s => s.Value.Value);

        Assert.Equal((0.0, 1 / 20.0), (hidden["C"], hidden["D"]));
        Assert.Equal((1.0, 19 / 20.0), (shown["C"], shown["D"]));
    }

    [Fact]
    public void Compare_GivesTheSameResult_WhenSeedIsTheSame()
    {
        var options = new ComparisonOptions { Resamples = 200, Seed = 5 };

        var first = Compare(options);
        var second = Compare(options with { MaxDegreeOfParallelism = 1 });

        Assert.Equal(first.Standings, second.Standings);
    }

    private static bool[][] RightByStanding()
        => Teams.OrderBy(t => t.Team, StringComparer.Ordinal).Select(t => Enumerable.Range(0, Rows).Select(t.Right).ToArray()).ToArray();

    // The resamples by the documented rule, and each team's accuracy in them by a plain count.
    private static double[,] ExpectedAccuracy(bool[][] right, int resamples, ulong seed, bool byCentre)
    {
        var accuracy = new double[resamples, right.Length];
        for (var r = 0; r < resamples; r++)
        {
            var random = SplitMixRandom.ForResample(seed, r);
            var drawn = new int[Rows];
            if (byCentre)
            {
                var centres = new int[4];
                for (var c = 0; c < 4; c++) centres[random.NextInt(4)]++;
                for (var i = 0; i < Rows; i++) drawn[i] = centres[i / 10];
            }
            else
            {
                for (var i = 0; i < Rows; i++) drawn[random.NextInt(Rows)]++;
            }

            for (var t = 0; t < right.Length; t++)
            {
                var correct = 0;
                var total = 0;
                for (var i = 0; i < Rows; i++)
                {
                    correct += right[t][i] ? drawn[i] : 0;
                    total += drawn[i];
                }

                accuracy[r, t] = correct / (double)total;
            }
        }

        return accuracy;
    }

    private static double ExpectedProbabilityBetter(double[,] accuracy, int team)
    {
        double wins = 0;
        var resamples = accuracy.GetLength(0);
        for (var r = 0; r < resamples; r++)
            wins += accuracy[r, team] > accuracy[r, team + 1] ? 1 : accuracy[r, team] == accuracy[r, team + 1] ? 0.5 : 0;
        return wins / resamples;
    }

    private static FinalistComparisonResult Compare(ComparisonOptions options, IProgress<double>? progress = null)
    {
        var labels = new StringBuilder("id,y,centre\n");
        for (var i = 0; i < Rows; i++) labels.Append(CultureInfo.InvariantCulture, $"{i},{i % 2},c{i / 10}\n");
        var teams = Teams.Select(t => new FinalistPredictions(t.Team, ScoringFixture.Utf8(Predictions(t.Right)))).ToArray();
        return FinalistComparison.Compare(ScoringFixture.Utf8(labels.ToString()), teams, Config, options, progress, TestContext.Current.CancellationToken);
    }

    // Right rows get 0.9 for class 1 and 0.1 for class 0; wrong rows the opposite.
    private static string Predictions(Func<int, bool> right)
    {
        var text = new StringBuilder("id,y\n");
        for (var i = 0; i < Rows; i++) text.Append(CultureInfo.InvariantCulture, $"{i},{(right(i) == (i % 2 == 1) ? "0.9" : "0.1")}\n");
        return text.ToString();
    }

    private static double NumpyPercentile(double[] sorted, double percent)
    {
        var position = percent / 100 * (sorted.Length - 1);
        var below = (int)position;
        return sorted[below] + ((position - below) * (sorted[Math.Min(below + 1, sorted.Length - 1)] - sorted[below]));
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (this) report(value);
        }
    }
}
