using DataChallenge.Scoring.Internals;
using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Tests.Intervals;

/// <summary>
/// Each interval method against the plain bootstrap on the same data (bounds within Monte-Carlo error), and its
/// coverage over data sets drawn from a distribution with a known value.
/// </summary>
public sealed class IntervalMethodsTests
{
    private const int Resamples = 2000;

    [Theory]
    [InlineData("accuracy", IntervalMethods.Multinomial)]
    [InlineData("f1", IntervalMethods.Multinomial)]
    [InlineData("mcc", IntervalMethods.Multinomial)]
    [InlineData("log_loss", IntervalMethods.NormalVariance)]
    [InlineData("brier_score", IntervalMethods.NormalVariance)]
    [InlineData("roc_auc", IntervalMethods.DeLong)]
    [InlineData("average_precision", IntervalMethods.NormalInfluence)]
    public void Interval_MatchesPlainBootstrap_WhenMetricIsBinary(string metric, string method)
        => AssertMatchesBootstrap(metric, method, IntervalData.BinarySample(new Random(11), 800), IntervalData.Binary);

    [Theory]
    [InlineData("rmse")]
    [InlineData("mse")]
    [InlineData("mae")]
    public void Interval_MatchesPlainBootstrap_WhenMetricIsRegressionMean(string metric)
        => AssertMatchesBootstrap(metric, IntervalMethods.NormalVariance, IntervalData.RegressionSample(new Random(12), 800), IntervalData.Regression);

    [Theory]
    [InlineData("balanced_accuracy")]
    [InlineData("f1_macro")]
    [InlineData("quadratic_weighted_kappa")]
    public void Interval_MatchesPlainBootstrap_WhenMetricReadsTheConfusionMatrix(string metric)
        => AssertMatchesBootstrap(metric, IntervalMethods.Multinomial, IntervalData.MulticlassSample(new Random(13), 600), IntervalData.Multiclass);

    [Theory]
    [InlineData("accuracy", 5.0 / 7)]
    [InlineData("roc_auc", 41.0 / 49)]
    [InlineData("brier_score", 0.49 / 3)]
    [InlineData("average_precision", double.NaN)]
    public void Interval_Covers95PercentOfSamples_WhenDataComeFromAKnownDistribution(string metric, double truth)
    {
        if (double.IsNaN(truth)) truth = PopulationAveragePrecision();
        AssertCoverage(metric, truth, random => IntervalData.BinarySample(random, 600), IntervalData.Binary);
    }

    [Theory]
    [InlineData("mse", 1.0)]
    [InlineData("rmse", 1.0)]
    [InlineData("mae", 0.79788456080286536)]
    public void Interval_Covers95PercentOfSamples_WhenRegressionErrorsAreNormal(string metric, double truth)
        => AssertCoverage(metric, truth, random => IntervalData.RegressionSample(random, 400), IntervalData.Regression);

    [Fact]
    public void Interval_Covers95PercentOfSamples_WhenMulticlassPredictionsAreRight70Percent()
        => AssertCoverage("accuracy", 0.7, random => IntervalData.MulticlassSample(random, 300), IntervalData.Multiclass);

    [Theory]
    [InlineData("accuracy")]
    [InlineData("f1")]
    [InlineData("mcc")]
    public void WeightedValue_EqualsTheRowByRowValue_WhenConfusionCellsAreSummed(string metric)
    {
        var data = IntervalData.BinarySample(new Random(8), 500);
        var random = new Random(4);
        var weight = Enumerable.Range(0, data.Rows).Select(_ => (double)random.Next(4)).ToArray();
        var direct = metric switch
        {
            "accuracy" => BinaryMetrics.Accuracy(data.Truth, data.Prediction, 0.5, weight),
            "f1" => BinaryMetrics.F1(data.Truth, data.Prediction, 0.5, weight),
            _ => BinaryMetrics.Mcc(data.Truth, data.Prediction, 0.5, weight),
        };

        Assert.Equal(direct.Value!.Value, MetricTable.Prepare(metric, data, IntervalData.Binary)(weight).Value!.Value, 12);
    }

    [Fact]
    public void Interval_IsTheSame_WhenSeedIsTheSame()
    {
        var data = IntervalData.BinarySample(new Random(5), 300);
        var request = new IntervalRequest(500, 9, 2, TestContext.Current.CancellationToken);

        var first = MetricTable.Interval("mcc", data, IntervalData.Binary, request);
        var second = MetricTable.Interval("mcc", data, IntervalData.Binary, request with { MaxDegreeOfParallelism = 1 });

        Assert.Equal(first, second);
    }

    private static void AssertMatchesBootstrap(string metric, string method, ScoringData data, ScoringConfig config)
    {
        var request = new IntervalRequest(Resamples, 2026, 2, TestContext.Current.CancellationToken);
        var fast = MetricTable.Interval(metric, data, config, request)!.Value;
        var (lower, upper) = PlainBootstrap(metric, data, config);

        // A percentile of 2000 resamples wanders by about 0.06 standard errors; both bounds must agree within 0.35
        // standard errors (Monte-Carlo error of both intervals, and the normal methods' first-order approximation).
        var standardError = (upper - lower) / (2 * Percentile.Z);
        Assert.Equal(method, fast.Method);
        Assert.InRange(fast.Lower, lower - (0.35 * standardError), lower + (0.35 * standardError));
        Assert.InRange(fast.Upper, upper - (0.35 * standardError), upper + (0.35 * standardError));
    }

    // The reference: rows drawn with replacement, copied into a new data set, and the metric computed on it unweighted.
    private static (double Lower, double Upper) PlainBootstrap(string metric, ScoringData data, ScoringConfig config)
    {
        var random = new Random(99);
        var values = new List<double>();
        var drawn = new int[data.Rows];
        for (var r = 0; r < Resamples; r++)
        {
            for (var i = 0; i < drawn.Length; i++) drawn[i] = random.Next(data.Rows);
            if (MetricTable.Prepare(metric, data.Gather(drawn), config)([]).Value is { } value) values.Add(value);
        }

        var sorted = values.Order().ToArray();
        return (Percentile.Of(sorted, 0.025), Percentile.Of(sorted, 0.975));
    }

    private static void AssertCoverage(string metric, double truth, Func<Random, ScoringData> sample, ScoringConfig config)
    {
        const int dataSets = 400;
        var random = new Random(metric.Length * 7919);
        var covered = 0;
        for (var k = 0; k < dataSets; k++)
        {
            var interval = MetricTable.Interval(metric, sample(random), config, new IntervalRequest(400, (ulong)k, 2, TestContext.Current.CancellationToken))!.Value;
            if (interval.Lower <= truth && truth <= interval.Upper) covered++;
        }

        // 95 % ± 3 binomial standard deviations of the share of K data sets.
        var margin = 3 * Math.Sqrt(0.95 * 0.05 / dataSets);
        Assert.InRange(covered / (double)dataSets, 0.95 - margin, 0.95 + margin);
    }

    // E over class-1 rows of the precision at their score, by the midpoint rule on the distribution of IntervalData.
    private static double PopulationAveragePrecision()
    {
        const int steps = 100_000;
        var sum = 0.0;
        for (var i = 0; i < steps; i++)
        {
            var s = 0.3 + (0.7 * (i + 0.5) / steps);
            var truePositive = 0.4 * (1 - s) / 0.7;
            var falsePositive = 0.6 * Math.Max(0, 0.7 - s) / 0.7;
            sum += truePositive / (truePositive + falsePositive);
        }

        return sum / steps;
    }
}
