using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Tests.Metrics;

public class MaskMetricsTests
{
    // Row 1: {1,2,3,10,11} vs {2,3,4,11..15}: intersection 3, sizes 5 and 8. Row 2: both empty. Row 3: {5,6} vs empty.
    private static readonly RleMask[] Truth = [Mask("1 3 10 2"), Mask(""), Mask("5 2")];
    private static readonly RleMask[] Pred = [Mask("2 3 11 5"), Mask(""), Mask("")];

    [Fact]
    public void DiceMean_AveragesPerImage_WhenUnweighted()
    {
        // hand-computed: (6/13 + 1 + 0) / 3
        MetricAssert.Value(((6.0 / 13) + 1) / 3, MaskMetrics.DiceMean(Truth, Pred, []));
    }

    [Fact]
    public void IouMean_AveragesPerImage_WhenUnweighted()
    {
        // hand-computed: (3/10 + 1 + 0) / 3
        MetricAssert.Value(1.3 / 3, MaskMetrics.IouMean(Truth, Pred, []));
    }

    [Fact]
    public void DiceGlobal_PoolsAllImages_WhenUnweighted()
    {
        // hand-computed: 2·3 / (13 + 0 + 2)
        MetricAssert.Value(0.4, MaskMetrics.DiceGlobal(Truth, Pred, []));
    }

    [Fact]
    public void EveryMetric_WeighsImages_WhenWeighted()
    {
        double[] weight = [2, 1, 0];
        // hand-computed: (2·6/13 + 1) / 3, (2·0.3 + 1) / 3, 2·(2·3) / (2·13)
        MetricAssert.Value(((12.0 / 13) + 1) / 3, MaskMetrics.DiceMean(Truth, Pred, weight));
        MetricAssert.Value(1.6 / 3, MaskMetrics.IouMean(Truth, Pred, weight));
        MetricAssert.Value(6.0 / 13, MaskMetrics.DiceGlobal(Truth, Pred, weight));
    }

    [Fact]
    public void EveryMetric_IsOne_WhenAllMasksAreEmpty()
    {
        RleMask[] empty = [Mask(""), Mask("")];
        MetricAssert.Value(1.0, MaskMetrics.DiceMean(empty, empty, []));
        MetricAssert.Value(1.0, MaskMetrics.IouMean(empty, empty, []));
        MetricAssert.Value(1.0, MaskMetrics.DiceGlobal(empty, empty, []));
    }

    [Fact]
    public void EveryMetric_IsOne_WhenPredictionIsExact()
    {
        RleMask[] masks = [Mask("1 3 10 2"), Mask("50 50")];
        MetricAssert.Value(1.0, MaskMetrics.DiceMean(masks, masks, []));
        MetricAssert.Value(1.0, MaskMetrics.IouMean(masks, masks, []));
        MetricAssert.Value(1.0, MaskMetrics.DiceGlobal(masks, masks, []));
    }

    [Fact]
    public void EveryMetric_IsUndefined_WhenAllWeightsAreZero()
    {
        double[] zero = [0, 0, 0];
        MetricAssert.Undefined(MaskMetrics.DiceMean(Truth, Pred, zero), "weight zero");
        MetricAssert.Undefined(MaskMetrics.IouMean(Truth, Pred, zero), "weight zero");
        MetricAssert.Undefined(MaskMetrics.DiceGlobal(Truth, Pred, zero), "weight zero");
    }

    [Fact]
    public void EveryMetric_EqualsRepeatedRows_WhenWeightsAreIntegers()
    {
        var random = new Random(29);
        for (var trial = 0; trial < 10; trial++)
        {
            var truth = new RleMask[30];
            var pred = new RleMask[30];
            for (var i = 0; i < truth.Length; i++)
            {
                truth[i] = Mask(RleMaskTests.Encode(RleMaskTests.RandomPixels(random, 64)), 64);
                pred[i] = Mask(RleMaskTests.Encode(RleMaskTests.RandomPixels(random, 64)), 64);
            }

            var weight = MetricAssert.IntegerWeights(random, truth.Length);
            var rt = MetricAssert.Repeat(truth, weight);
            var rp = MetricAssert.Repeat(pred, weight);
            MetricAssert.Same(MaskMetrics.DiceMean(rt, rp, []), MaskMetrics.DiceMean(truth, pred, weight));
            MetricAssert.Same(MaskMetrics.IouMean(rt, rp, []), MaskMetrics.IouMean(truth, pred, weight));
            MetricAssert.Same(MaskMetrics.DiceGlobal(rt, rp, []), MaskMetrics.DiceGlobal(truth, pred, weight));
        }
    }

    private static RleMask Mask(string text, long pixels = 100) => RleMask.Parse(text, pixels);
}
