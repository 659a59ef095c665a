using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Tests.Metrics;

public class RegressionMetricsTests
{
    private static readonly double[] Truth = [3.0, -0.5, 2.0, 7.0, 0.0, 1.5];
    private static readonly double[] Pred = [2.5, 0.0, 2.0, 8.0, 0.3, 1.0];
    private static readonly double[] Weight = [1, 2, 0.5, 1, 3, 0];

    [Fact]
    public void Errors_MatchSklearn_WhenUnweighted()
    {
        // sklearn.metrics.mean_squared_error(truth, pred) == 0.3066666666666667 (squared=False: 0.5537749241945383)
        MetricAssert.Value(0.3066666666666667, RegressionMetrics.Mse(Truth, Pred, []));
        MetricAssert.Value(0.5537749241945383, RegressionMetrics.Rmse(Truth, Pred, []));
        // mean_absolute_error(truth, pred) == 0.4666666666666666
        MetricAssert.Value(0.4666666666666666, RegressionMetrics.Mae(Truth, Pred, []));
        // r2_score(truth, pred) == 0.9493577981651377
        MetricAssert.Value(0.9493577981651377, RegressionMetrics.R2(Truth, Pred, []));
        // mean_absolute_percentage_error(truth, pred) == 225179981368525.03 (a zero truth divides by eps)
        MetricAssert.Value(225179981368525.03, RegressionMetrics.Mape(Truth, Pred, []));
    }

    [Fact]
    public void Errors_MatchSklearn_WhenWeighted()
    {
        // same calls with sample_weight=[1,2,0.5,1,3,0]
        MetricAssert.Value(0.2693333333333333, RegressionMetrics.Mse(Truth, Pred, Weight));
        MetricAssert.Value(0.518973345494095, RegressionMetrics.Rmse(Truth, Pred, Weight));
        MetricAssert.Value(0.4533333333333333, RegressionMetrics.Mae(Truth, Pred, Weight));
        MetricAssert.Value(0.9571731448763251, RegressionMetrics.R2(Truth, Pred, Weight));
        MetricAssert.Value(540431955284459.8, RegressionMetrics.Mape(Truth, Pred, Weight));
    }

    [Fact]
    public void Mape_DividesByEpsilon_WhenTruthIsTiny()
    {
        // mean_absolute_percentage_error([1e-20, 1.0],[1e-20+1e-18, 1.5]) == 0.25225179981368523
        MetricAssert.Value(0.25225179981368523, RegressionMetrics.Mape([1e-20, 1.0], [1e-20 + 1e-18, 1.5], []));
        // hand-computed: |110 − 100| / 100 = 0.1 and |45 − 50| / 50 = 0.1
        MetricAssert.Value(0.1, RegressionMetrics.Mape([100, 50], [110, 45], []));
    }

    [Fact]
    public void R2_FollowsForceFinite_WhenTruthIsConstant()
    {
        // r2_score([2,2,2],[2,2,2]) == 1.0 and r2_score([2,2,2],[2,2,3]) == 0.0
        MetricAssert.Value(1.0, RegressionMetrics.R2([2, 2, 2], [2, 2, 2], []));
        MetricAssert.Value(0.0, RegressionMetrics.R2([2, 2, 2], [2, 2, 3], []));
    }

    [Fact]
    public void R2_IsUndefined_WhenFewerThanTwoRows()
    {
        // r2_score([1],[2]) is nan with a warning in sklearn
        MetricAssert.Undefined(RegressionMetrics.R2([1], [2], []), "fewer than two rows");
    }

    [Fact]
    public void EveryMetric_IsUndefined_WhenAllWeightsAreZero()
    {
        double[] zero = [0, 0];
        MetricAssert.Undefined(RegressionMetrics.Mse([1, 2], [1, 3], zero), "weight zero");
        MetricAssert.Undefined(RegressionMetrics.Rmse([1, 2], [1, 3], zero), "weight zero");
        MetricAssert.Undefined(RegressionMetrics.Mae([1, 2], [1, 3], zero), "weight zero");
        MetricAssert.Undefined(RegressionMetrics.Mape([1, 2], [1, 3], zero), "weight zero");
        MetricAssert.Undefined(RegressionMetrics.R2([1, 2], [1, 3], zero), "weight zero");
    }

    [Fact]
    public void EveryMetric_EqualsRepeatedRows_WhenWeightsAreIntegers()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 10; trial++)
        {
            var truth = new double[50];
            var pred = new double[50];
            for (var i = 0; i < truth.Length; i++)
            {
                truth[i] = (random.NextDouble() * 10) - 2;
                pred[i] = truth[i] + random.NextDouble() - 0.5;
            }

            var weight = MetricAssert.IntegerWeights(random, truth.Length);
            var rt = MetricAssert.Repeat(truth, weight);
            var rp = MetricAssert.Repeat(pred, weight);
            MetricAssert.Same(RegressionMetrics.Mse(rt, rp, []), RegressionMetrics.Mse(truth, pred, weight));
            MetricAssert.Same(RegressionMetrics.Rmse(rt, rp, []), RegressionMetrics.Rmse(truth, pred, weight));
            MetricAssert.Same(RegressionMetrics.Mae(rt, rp, []), RegressionMetrics.Mae(truth, pred, weight));
            MetricAssert.Same(RegressionMetrics.Mape(rt, rp, []), RegressionMetrics.Mape(truth, pred, weight));
            MetricAssert.Same(RegressionMetrics.R2(rt, rp, []), RegressionMetrics.R2(truth, pred, weight));
        }
    }
}
