using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Tests.Metrics;

public class MulticlassLabelMetricsTests
{
    private const int Classes = 4;
    private static readonly int[] Truth = [0, 1, 2, 3, 0, 1, 2, 3, 1, 2];
    private static readonly int[] Pred = [0, 2, 2, 3, 1, 1, 2, 0, 1, 3];
    private static readonly double[] Weight = [1, 2, 0.5, 1, 3, 0, 2, 1, 1.5, 2];

    [Fact]
    public void EveryMetric_MatchesSklearn_WhenUnweighted()
    {
        // accuracy_score(t, p) == 0.6; balanced_accuracy_score(t, p) == 0.5833333333333333
        MetricAssert.Value(0.6, MulticlassLabelMetrics.Accuracy(Truth, Pred, Classes, []));
        MetricAssert.Value(0.5833333333333333, MulticlassLabelMetrics.BalancedAccuracy(Truth, Pred, Classes, []));
        // f1_score(t, p, labels=range(4), average='macro'|'micro'|'weighted') == 0.5833333333333333, 0.6, 0.6
        MetricAssert.Value(0.5833333333333333, MulticlassLabelMetrics.F1Macro(Truth, Pred, Classes, []));
        MetricAssert.Value(0.6, MulticlassLabelMetrics.F1Micro(Truth, Pred, Classes, []));
        MetricAssert.Value(0.6, MulticlassLabelMetrics.F1Weighted(Truth, Pred, Classes, []));
        // cohen_kappa_score(t, p, labels=range(4), weights=None|'linear'|'quadratic') == 0.45945945945945954, 0.4736842105263158, 0.4285714285714286
        MetricAssert.Value(0.45945945945945954, MulticlassLabelMetrics.CohenKappa(Truth, Pred, Classes, []));
        MetricAssert.Value(0.4736842105263158, MulticlassLabelMetrics.LinearWeightedKappa(Truth, Pred, Classes, []));
        MetricAssert.Value(0.4285714285714286, MulticlassLabelMetrics.QuadraticWeightedKappa(Truth, Pred, Classes, []));
    }

    [Fact]
    public void EveryMetric_MatchesSklearn_WhenWeighted()
    {
        // same calls with sample_weight=[1,2,0.5,1,3,0,2,1,1.5,2]
        MetricAssert.Value(0.42857142857142855, MulticlassLabelMetrics.Accuracy(Truth, Pred, Classes, Weight));
        MetricAssert.Value(0.43353174603174605, MulticlassLabelMetrics.BalancedAccuracy(Truth, Pred, Classes, Weight));
        MetricAssert.Value(0.4159722222222222, MulticlassLabelMetrics.F1Macro(Truth, Pred, Classes, Weight));
        MetricAssert.Value(0.42857142857142855, MulticlassLabelMetrics.F1Micro(Truth, Pred, Classes, Weight));
        MetricAssert.Value(0.42470238095238094, MulticlassLabelMetrics.F1Weighted(Truth, Pred, Classes, Weight));
        MetricAssert.Value(0.23287671232876717, MulticlassLabelMetrics.CohenKappa(Truth, Pred, Classes, Weight));
        MetricAssert.Value(0.37639198218262804, MulticlassLabelMetrics.LinearWeightedKappa(Truth, Pred, Classes, Weight));
        MetricAssert.Value(0.45828295042321643, MulticlassLabelMetrics.QuadraticWeightedKappa(Truth, Pred, Classes, Weight));
    }

    [Fact]
    public void EveryMetric_CountsAllConfiguredClasses_WhenAClassIsAbsent()
    {
        int[] truth = [0, 1, 1, 0, 2, 2, 1];
        int[] pred = [0, 1, 2, 0, 2, 1, 1];
        // class 3 appears nowhere; f1_score(..., labels=range(4), average='macro') == 0.5416666666666666 (0.7222… without labels)
        MetricAssert.Value(0.5416666666666666, MulticlassLabelMetrics.F1Macro(truth, pred, Classes, []));
        MetricAssert.Value(0.7142857142857143, MulticlassLabelMetrics.F1Micro(truth, pred, Classes, []));
        MetricAssert.Value(0.7142857142857143, MulticlassLabelMetrics.F1Weighted(truth, pred, Classes, []));
        // balanced_accuracy_score(t, p) == 0.7222222222222222
        MetricAssert.Value(0.7222222222222222, MulticlassLabelMetrics.BalancedAccuracy(truth, pred, Classes, []));
        // cohen_kappa_score(..., labels=range(4)) == 0.5625, linear 0.6499999999999999, quadratic 0.75
        MetricAssert.Value(0.5625, MulticlassLabelMetrics.CohenKappa(truth, pred, Classes, []));
        MetricAssert.Value(0.6499999999999999, MulticlassLabelMetrics.LinearWeightedKappa(truth, pred, Classes, []));
        MetricAssert.Value(0.75, MulticlassLabelMetrics.QuadraticWeightedKappa(truth, pred, Classes, []));
    }

    [Fact]
    public void EveryMetric_MatchesSklearn_WhenClassesAreOnlyPredicted()
    {
        int[] truth = [0, 1, 1, 0, 1];
        int[] pred = [0, 3, 1, 2, 1];
        // balanced_accuracy_score drops classes 2 and 3 (absent from truth): 0.5833333333333333
        MetricAssert.Value(0.5833333333333333, MulticlassLabelMetrics.BalancedAccuracy(truth, pred, Classes, []));
        // f1_score(..., labels=range(4), average='macro'|'weighted') == 0.3666666666666667, 0.7466666666666667
        MetricAssert.Value(0.3666666666666667, MulticlassLabelMetrics.F1Macro(truth, pred, Classes, []));
        MetricAssert.Value(0.7466666666666667, MulticlassLabelMetrics.F1Weighted(truth, pred, Classes, []));
        // cohen_kappa_score(..., labels=range(4)) == 0.41176470588235303, linear 0.23076923076923084, quadratic 0.16666666666666674
        MetricAssert.Value(0.41176470588235303, MulticlassLabelMetrics.CohenKappa(truth, pred, Classes, []));
        MetricAssert.Value(0.23076923076923084, MulticlassLabelMetrics.LinearWeightedKappa(truth, pred, Classes, []));
        MetricAssert.Value(0.16666666666666674, MulticlassLabelMetrics.QuadraticWeightedKappa(truth, pred, Classes, []));
    }

    [Fact]
    public void Kappa_IsUndefined_WhenTruthAndPredictionUseOneClass()
    {
        // cohen_kappa_score([1,1,1],[1,1,1],labels=range(4)) is nan
        MetricAssert.Undefined(MulticlassLabelMetrics.CohenKappa([1, 1, 1], [1, 1, 1], Classes, []), "single class");
        MetricAssert.Undefined(MulticlassLabelMetrics.QuadraticWeightedKappa([1, 1, 1], [1, 1, 1], Classes, []), "single class");
        // cohen_kappa_score([0,0,0],[1,1,1],labels=range(4)) == 0.0
        MetricAssert.Value(0.0, MulticlassLabelMetrics.CohenKappa([0, 0, 0], [1, 1, 1], Classes, []));
    }

    [Fact]
    public void EveryMetric_IsUndefined_WhenAllWeightsAreZero()
    {
        double[] zero = [0, 0];
        MetricAssert.Undefined(MulticlassLabelMetrics.Accuracy([0, 1], [0, 1], Classes, zero), "weight zero");
        MetricAssert.Undefined(MulticlassLabelMetrics.BalancedAccuracy([0, 1], [0, 1], Classes, zero), "weight zero");
        MetricAssert.Undefined(MulticlassLabelMetrics.F1Macro([0, 1], [0, 1], Classes, zero), "weight zero");
        MetricAssert.Undefined(MulticlassLabelMetrics.CohenKappa([0, 1], [0, 1], Classes, zero), "weight zero");
    }

    [Fact]
    public void EveryMetric_EqualsRepeatedRows_WhenWeightsAreIntegers()
    {
        var random = new Random(13);
        for (var trial = 0; trial < 10; trial++)
        {
            var truth = new int[60];
            var pred = new int[60];
            for (var i = 0; i < truth.Length; i++)
            {
                truth[i] = random.Next(Classes);
                pred[i] = random.Next(3) == 0 ? random.Next(Classes) : truth[i];
            }

            var weight = MetricAssert.IntegerWeights(random, truth.Length);
            var rt = MetricAssert.Repeat(truth, weight);
            var rp = MetricAssert.Repeat(pred, weight);
            MetricAssert.Same(MulticlassLabelMetrics.Accuracy(rt, rp, Classes, []), MulticlassLabelMetrics.Accuracy(truth, pred, Classes, weight));
            MetricAssert.Same(MulticlassLabelMetrics.BalancedAccuracy(rt, rp, Classes, []), MulticlassLabelMetrics.BalancedAccuracy(truth, pred, Classes, weight));
            MetricAssert.Same(MulticlassLabelMetrics.F1Macro(rt, rp, Classes, []), MulticlassLabelMetrics.F1Macro(truth, pred, Classes, weight));
            MetricAssert.Same(MulticlassLabelMetrics.F1Micro(rt, rp, Classes, []), MulticlassLabelMetrics.F1Micro(truth, pred, Classes, weight));
            MetricAssert.Same(MulticlassLabelMetrics.F1Weighted(rt, rp, Classes, []), MulticlassLabelMetrics.F1Weighted(truth, pred, Classes, weight));
            MetricAssert.Same(MulticlassLabelMetrics.CohenKappa(rt, rp, Classes, []), MulticlassLabelMetrics.CohenKappa(truth, pred, Classes, weight));
            MetricAssert.Same(MulticlassLabelMetrics.LinearWeightedKappa(rt, rp, Classes, []), MulticlassLabelMetrics.LinearWeightedKappa(truth, pred, Classes, weight));
            MetricAssert.Same(MulticlassLabelMetrics.QuadraticWeightedKappa(rt, rp, Classes, []), MulticlassLabelMetrics.QuadraticWeightedKappa(truth, pred, Classes, weight));
        }
    }
}
