using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Tests.Metrics;

public class CostMatrixMetricsTests
{
    private static readonly double[,] TissueNet =
    {
        { 0, 0.1, 0.7, 1 },
        { 0.1, 0, 0.3, 0.7 },
        { 0.7, 0.3, 0, 0.3 },
        { 1, 0.7, 0.3, 0 },
    };

    [Fact]
    public void Score_IsOne_WhenEveryPredictionIsRight()
    {
        MetricAssert.Value(1.0, CostMatrixMetrics.Score([0, 1, 2, 3], [0, 1, 2, 3], TissueNet, []));
    }

    [Fact]
    public void Score_IsOneMinusMeanCost_WhenSomePredictionsAreWrong()
    {
        // hand-computed: costs 0, 0.3, 1, 0.7 → mean 0.5 → score 0.5
        MetricAssert.Value(0.5, CostMatrixMetrics.Score([0, 1, 3, 2], [0, 2, 0, 0], TissueNet, []));
    }

    [Fact]
    public void Score_WeighsCosts_WhenWeighted()
    {
        // hand-computed: (2·0.3 + 1·1 + 0·0.7) / 3 = 1.6 / 3 → score 1 − 0.5333…
        MetricAssert.Value(1 - (1.6 / 3), CostMatrixMetrics.Score([1, 3, 2], [2, 0, 0], TissueNet, [2, 1, 0]));
    }

    [Fact]
    public void Score_IsUndefined_WhenAllWeightsAreZero()
    {
        MetricAssert.Undefined(CostMatrixMetrics.Score([1, 3], [2, 0], TissueNet, [0, 0]), "weight zero");
    }

    [Fact]
    public void Score_EqualsRepeatedRows_WhenWeightsAreIntegers()
    {
        var random = new Random(5);
        var truth = new int[80];
        var pred = new int[80];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = random.Next(4);
            pred[i] = random.Next(4);
        }

        var weight = MetricAssert.IntegerWeights(random, truth.Length);
        MetricAssert.Same(
            CostMatrixMetrics.Score(MetricAssert.Repeat(truth, weight), MetricAssert.Repeat(pred, weight), TissueNet, []),
            CostMatrixMetrics.Score(truth, pred, TissueNet, weight));
    }
}
