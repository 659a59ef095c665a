using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Tests.Metrics;

public class MulticlassProbaMetricsTests
{
    private const int Classes = 3;
    private static readonly int[] Truth = [0, 1, 2, 2, 1, 0, 2, 1];

    // Row 4 ties classes 0 and 1 (truth 2) and row 8 ties them (truth 1): argmax picks class 0 in both.
    private static readonly double[] Proba =
    [
        0.7, 0.2, 0.1,
        0.3, 0.4, 0.3,
        0.1, 0.1, 0.8,
        0.4, 0.4, 0.2,
        0.2, 0.5, 0.3,
        0.3, 0.3, 0.4,
        0.0, 0.0, 1.0,
        0.5, 0.5, 0.0,
    ];

    private static readonly double[] Weight = [1, 2, 0.5, 1, 3, 0, 2, 1];

    [Fact]
    public void EveryMetric_MatchesSklearn_WhenUnweighted()
    {
        // log_loss(y, P, labels=[0,1,2]) == 0.7119767881258781
        MetricAssert.Value(0.7119767881258781, MulticlassProbaMetrics.LogLoss(Truth, Proba, Classes, []));
        // roc_auc_score(y, P, multi_class='ovr', average='macro'|'weighted', labels=[0,1,2]) == 0.8527777777777777, 0.8604166666666666
        MetricAssert.Value(0.8527777777777777, MulticlassProbaMetrics.RocAucOvrMacro(Truth, Proba, Classes, []));
        MetricAssert.Value(0.8604166666666666, MulticlassProbaMetrics.RocAucOvrWeighted(Truth, Proba, Classes, []));
        // accuracy_score(y, P.argmax(1)) == 0.625
        MetricAssert.Value(0.625, MulticlassProbaMetrics.Accuracy(Truth, Proba, Classes, []));
    }

    [Fact]
    public void EveryMetric_MatchesSklearn_WhenWeighted()
    {
        // same calls with sample_weight=[1,2,0.5,1,3,0,2,1]
        MetricAssert.Value(0.6364623636207647, MulticlassProbaMetrics.LogLoss(Truth, Proba, Classes, Weight));
        MetricAssert.Value(0.9196271101033006, MulticlassProbaMetrics.RocAucOvrMacro(Truth, Proba, Classes, Weight));
        MetricAssert.Value(0.910808767951625, MulticlassProbaMetrics.RocAucOvrWeighted(Truth, Proba, Classes, Weight));
        MetricAssert.Value(0.8095238095238095, MulticlassProbaMetrics.Accuracy(Truth, Proba, Classes, Weight));
    }

    [Fact]
    public void RocAuc_IsUndefined_WhenAClassIsAbsentFromTruth()
    {
        // roc_auc_score([0,1,1,0], P[:4], multi_class='ovr', labels=[0,1,2]) raises "Only one class present in y_true"
        var result = MulticlassProbaMetrics.RocAucOvrMacro([0, 1, 1, 0], Proba.AsSpan(0, 12), Classes, []);
        MetricAssert.Undefined(result, "class 2");
        MetricAssert.Undefined(MulticlassProbaMetrics.RocAucOvrWeighted([0, 1, 1, 0], Proba.AsSpan(0, 12), Classes, []), "class 2");
    }

    [Fact]
    public void RocAucWeighted_LeavesClassOut_WhenAllItsRowsWeighZero()
    {
        double[] weight = [0, 2, 0.5, 1, 3, 0, 2, 1];
        // roc_auc_score(y, P, multi_class='ovr', average='weighted', labels=[0,1,2], sample_weight=[0,2,0.5,1,3,0,2,1]) == 0.882205513784461
        MetricAssert.Value(0.882205513784461, MulticlassProbaMetrics.RocAucOvrWeighted(Truth, Proba, Classes, weight));
        // average='macro' with the same weights is nan in sklearn
        MetricAssert.Undefined(MulticlassProbaMetrics.RocAucOvrMacro(Truth, Proba, Classes, weight), "class 0");
    }

    [Fact]
    public void RankingOverloads_EqualPlainCalls_WhenWeightsVary()
    {
        var rankings = MulticlassProbaMetrics.OvrRankings(Truth, Proba, Classes);
        var random = new Random(21);
        for (var resample = 0; resample < 20; resample++)
        {
            var weight = MetricAssert.IntegerWeights(random, Truth.Length);
            Assert.Equal(MulticlassProbaMetrics.RocAucOvrMacro(Truth, Proba, Classes, weight), MulticlassProbaMetrics.RocAucOvrMacro(rankings, Truth, weight));
            Assert.Equal(MulticlassProbaMetrics.RocAucOvrWeighted(Truth, Proba, Classes, weight), MulticlassProbaMetrics.RocAucOvrWeighted(rankings, Truth, weight));
        }

        MetricAssert.Value(0.8527777777777777, MulticlassProbaMetrics.RocAucOvrMacro(rankings, Truth, []));
        MetricAssert.Value(0.910808767951625, MulticlassProbaMetrics.RocAucOvrWeighted(rankings, Truth, Weight));
    }

    [Fact]
    public void EveryMetric_EqualsRepeatedRows_WhenWeightsAreIntegers()
    {
        var random = new Random(17);
        for (var trial = 0; trial < 10; trial++)
        {
            var truth = new int[60];
            var proba = new double[truth.Length * Classes];
            for (var i = 0; i < truth.Length; i++)
            {
                truth[i] = random.Next(Classes);
                double a = random.Next(1, 5), b = random.Next(1, 5), c = random.Next(1, 5);
                proba[(i * Classes) + truth[i]] += 1;
                proba[i * Classes] += a;
                proba[(i * Classes) + 1] += b;
                proba[(i * Classes) + 2] += c;
                var sum = a + b + c + 1;
                for (var k = 0; k < Classes; k++)
                {
                    proba[(i * Classes) + k] /= sum;
                }
            }

            var weight = MetricAssert.IntegerWeights(random, truth.Length);
            var rt = MetricAssert.Repeat(truth, weight);
            var rp = MetricAssert.Repeat(proba, weight, Classes);
            MetricAssert.Same(MulticlassProbaMetrics.LogLoss(rt, rp, Classes, []), MulticlassProbaMetrics.LogLoss(truth, proba, Classes, weight));
            MetricAssert.Same(MulticlassProbaMetrics.RocAucOvrMacro(rt, rp, Classes, []), MulticlassProbaMetrics.RocAucOvrMacro(truth, proba, Classes, weight));
            MetricAssert.Same(MulticlassProbaMetrics.RocAucOvrWeighted(rt, rp, Classes, []), MulticlassProbaMetrics.RocAucOvrWeighted(truth, proba, Classes, weight));
            MetricAssert.Same(MulticlassProbaMetrics.Accuracy(rt, rp, Classes, []), MulticlassProbaMetrics.Accuracy(truth, proba, Classes, weight));
        }
    }

    [Fact]
    public void LogLoss_IsTheSameToTheLastBit_WhetherTheHalvesAreSummedOnOneCoreOrTwo()
    {
        var random = new Random(23);
        var truth = new int[200_001];
        var proba = new double[truth.Length * Classes];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = random.Next(Classes);
            double a = random.NextDouble(), b = random.NextDouble(), c = random.NextDouble();
            proba[i * Classes] = a / (a + b + c);
            proba[(i * Classes) + 1] = b / (a + b + c);
            proba[(i * Classes) + 2] = c / (a + b + c);
        }

        var oneCore = MulticlassProbaMetrics.LogLoss(truth, proba, Classes, []);
        var twoCores = MulticlassProbaMetrics.LogLoss(truth, proba, Classes);
        var unitWeights = MulticlassProbaMetrics.LogLoss(truth, proba, Classes, Enumerable.Repeat(1.0, truth.Length).ToArray());

        Assert.Equal(BitConverter.DoubleToInt64Bits(oneCore.Value!.Value), BitConverter.DoubleToInt64Bits(twoCores.Value!.Value));
        MetricAssert.Same(unitWeights, twoCores);
    }
}
