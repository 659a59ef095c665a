using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Tests.Metrics;

public class MultilabelMetricsTests
{
    private const int Labels = 3;

    // Row 4 has no label in truth nor prediction.
    private static readonly double[] Truth = [1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1];
    private static readonly double[] Pred = [1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1];
    private static readonly double[] Proba = [0.9, 0.2, 0.6, 0.1, 0.8, 0.3, 0.4, 0.6, 0.6, 0.5, 0.1, 0.5, 0.6, 0.8, 0.9, 0.4, 0.4, 0.3];
    private static readonly double[] Weight = [1, 2, 0.5, 1, 3, 0];

    [Fact]
    public void LabelMetrics_MatchSklearn_WhenUnweighted()
    {
        // accuracy_score(Y, P) == 0.16666666666666666; hamming_loss(Y, P) == 0.2777777777777778
        MetricAssert.Value(0.16666666666666666, MultilabelMetrics.SubsetAccuracy(Truth, Pred, Labels, []));
        MetricAssert.Value(0.2777777777777778, MultilabelMetrics.HammingLoss(Truth, Pred, Labels, []));
        // f1_score(Y, P, average='micro'|'macro'|'weighted'|'samples') == 0.7058823529411765, 0.6888888888888888, 0.6888888888888889, 0.5777777777777777
        MetricAssert.Value(0.7058823529411765, MultilabelMetrics.F1Micro(Truth, Pred, Labels, []));
        MetricAssert.Value(0.6888888888888888, MultilabelMetrics.F1Macro(Truth, Pred, Labels, []));
        MetricAssert.Value(0.6888888888888889, MultilabelMetrics.F1Weighted(Truth, Pred, Labels, []));
        MetricAssert.Value(0.5777777777777777, MultilabelMetrics.F1Samples(Truth, Pred, Labels, []));
        // jaccard_score(Y, P, average='samples') == 0.4444444444444444
        MetricAssert.Value(0.4444444444444444, MultilabelMetrics.JaccardSamples(Truth, Pred, Labels, []));
    }

    [Fact]
    public void LabelMetrics_MatchSklearn_WhenWeighted()
    {
        // same calls with sample_weight=[1,2,0.5,1,3,0]
        MetricAssert.Value(0.13333333333333333, MultilabelMetrics.SubsetAccuracy(Truth, Pred, Labels, Weight));
        MetricAssert.Value(0.28888888888888886, MultilabelMetrics.HammingLoss(Truth, Pred, Labels, Weight));
        MetricAssert.Value(0.7450980392156864, MultilabelMetrics.F1Micro(Truth, Pred, Labels, Weight));
        MetricAssert.Value(0.7333333333333333, MultilabelMetrics.F1Macro(Truth, Pred, Labels, Weight));
        MetricAssert.Value(0.7727272727272727, MultilabelMetrics.F1Weighted(Truth, Pred, Labels, Weight));
        MetricAssert.Value(0.6311111111111113, MultilabelMetrics.F1Samples(Truth, Pred, Labels, Weight));
        MetricAssert.Value(0.5, MultilabelMetrics.JaccardSamples(Truth, Pred, Labels, Weight));
    }

    [Fact]
    public void F1_CountsEmptyLabelAsZero_WhenALabelIsNeverSet()
    {
        double[] truth = [1, 0, 0, 0, 1, 0, 1, 1, 0];
        double[] pred = [1, 0, 1, 0, 0, 0, 1, 1, 0];
        // f1_score(Y2, P2, average='macro') == 0.5555555555555555; average='weighted' == 0.8333333333333333
        MetricAssert.Value(0.5555555555555555, MultilabelMetrics.F1Macro(truth, pred, Labels, []));
        MetricAssert.Value(0.8333333333333333, MultilabelMetrics.F1Weighted(truth, pred, Labels, []));
    }

    [Fact]
    public void ProbaMetrics_MatchSklearn_WhenUnweighted()
    {
        // roc_auc_score(Y, Q, average='macro'|'micro') == 0.7407407407407408, 0.7592592592592593
        MetricAssert.Value(0.7407407407407408, MultilabelMetrics.RocAucMacro(Truth, Proba, Labels, []));
        MetricAssert.Value(0.7592592592592593, MultilabelMetrics.RocAucMicro(Truth, Proba, Labels, []));
        // average_precision_score(Y, Q, average='macro') == 0.7425925925925926
        MetricAssert.Value(0.7425925925925926, MultilabelMetrics.AveragePrecisionMacro(Truth, Proba, Labels, []));
        // np.mean([log_loss(Y[:,j], Q[:,j], labels=[0,1]) for j in range(3)]) == 0.5675713265424897
        MetricAssert.Value(0.5675713265424897, MultilabelMetrics.MeanColumnLogLoss(Truth, Proba, Labels, []));
    }

    [Fact]
    public void ProbaMetrics_MatchSklearn_WhenWeighted()
    {
        // same calls with sample_weight=[1,2,0.5,1,3,0]
        MetricAssert.Value(0.8617019400352733, MultilabelMetrics.RocAucMacro(Truth, Proba, Labels, Weight));
        MetricAssert.Value(0.8389328063241106, MultilabelMetrics.RocAucMicro(Truth, Proba, Labels, Weight));
        MetricAssert.Value(0.7876430976430977, MultilabelMetrics.AveragePrecisionMacro(Truth, Proba, Labels, Weight));
        MetricAssert.Value(0.5133297017185859, MultilabelMetrics.MeanColumnLogLoss(Truth, Proba, Labels, Weight));
    }

    [Fact]
    public void RocAucMacro_IsUndefined_WhenALabelIsNeverSet()
    {
        double[] truth = [1, 0, 0, 0, 1, 0, 1, 1, 0];
        double[] proba = [0.9, 0.2, 0.6, 0.1, 0.8, 0.3, 0.4, 0.6, 0.6];
        // roc_auc_score(Y2, Q2, average='macro') raises "Only one class present in y_true"
        MetricAssert.Undefined(MultilabelMetrics.RocAucMacro(truth, proba, Labels, []), "label column 3");
    }

    [Fact]
    public void AveragePrecisionMacro_CountsAColumnWithoutPositivesAsZero_WhenALabelIsNeverSet()
    {
        double[] truth = [1, 0, 0, 0, 1, 0, 1, 1, 0];
        double[] proba = [0.9, 0.2, 0.6, 0.1, 0.8, 0.3, 0.4, 0.6, 0.6];
        // Debian's sklearn 1.2.1: average_precision_score(Y2, Q2, average=None) == [1, 1, -0.0] (with a warning), macro 0.6666666666666666
        MetricAssert.Value(0.6666666666666666, MultilabelMetrics.AveragePrecisionMacro(truth, proba, Labels, []));
        MetricAssert.Value(0.6666666666666666, MultilabelMetrics.AveragePrecisionMacro(MultilabelMetrics.ColumnRankings(truth, proba, Labels), []));
    }

    [Fact]
    public void EveryMetric_IsUndefined_WhenAllWeightsAreZero()
    {
        double[] zero = [0, 0, 0, 0, 0, 0];
        MetricAssert.Undefined(MultilabelMetrics.SubsetAccuracy(Truth, Pred, Labels, zero), "weight zero");
        MetricAssert.Undefined(MultilabelMetrics.HammingLoss(Truth, Pred, Labels, zero), "weight zero");
        MetricAssert.Undefined(MultilabelMetrics.F1Micro(Truth, Pred, Labels, zero), "weight zero");
        MetricAssert.Undefined(MultilabelMetrics.F1Samples(Truth, Pred, Labels, zero), "weight zero");
        MetricAssert.Undefined(MultilabelMetrics.MeanColumnLogLoss(Truth, Proba, Labels, zero), "weight zero");
        MetricAssert.Undefined(MultilabelMetrics.RocAucMicro(Truth, Proba, Labels, zero), "weight zero");
    }

    [Fact]
    public void RankingOverloads_EqualPlainCalls_WhenWeightsVary()
    {
        var rankings = MultilabelMetrics.ColumnRankings(Truth, Proba, Labels);
        var cells = BinaryRanking.Create(Truth, Proba);
        var random = new Random(31);
        for (var resample = 0; resample < 20; resample++)
        {
            var weight = MetricAssert.IntegerWeights(random, Weight.Length);
            Assert.Equal(MultilabelMetrics.RocAucMacro(Truth, Proba, Labels, weight), MultilabelMetrics.RocAucMacro(rankings, weight));
            Assert.Equal(MultilabelMetrics.AveragePrecisionMacro(Truth, Proba, Labels, weight), MultilabelMetrics.AveragePrecisionMacro(rankings, weight));
            Assert.Equal(MultilabelMetrics.RocAucMicro(Truth, Proba, Labels, weight), MultilabelMetrics.RocAucMicro(in cells, Labels, weight));
        }

        MetricAssert.Value(0.8389328063241106, MultilabelMetrics.RocAucMicro(in cells, Labels, Weight));

        MetricAssert.Value(0.8617019400352733, MultilabelMetrics.RocAucMacro(rankings, Weight));
        MetricAssert.Value(0.7425925925925926, MultilabelMetrics.AveragePrecisionMacro(rankings, []));
    }

    [Fact]
    public void EveryMetric_EqualsRepeatedRows_WhenWeightsAreIntegers()
    {
        var random = new Random(19);
        for (var trial = 0; trial < 10; trial++)
        {
            const int rows = 50;
            var truth = new double[rows * Labels];
            var pred = new double[rows * Labels];
            var proba = new double[rows * Labels];
            for (var i = 0; i < truth.Length; i++)
            {
                truth[i] = random.Next(2);
                pred[i] = random.Next(4) == 0 ? 1 - truth[i] : truth[i];
                proba[i] = Math.Round((random.NextDouble() + truth[i]) / 2, 1);
            }

            var weight = MetricAssert.IntegerWeights(random, rows);
            var rt = MetricAssert.Repeat(truth, weight, Labels);
            var rp = MetricAssert.Repeat(pred, weight, Labels);
            var rq = MetricAssert.Repeat(proba, weight, Labels);
            MetricAssert.Same(MultilabelMetrics.SubsetAccuracy(rt, rp, Labels, []), MultilabelMetrics.SubsetAccuracy(truth, pred, Labels, weight));
            MetricAssert.Same(MultilabelMetrics.HammingLoss(rt, rp, Labels, []), MultilabelMetrics.HammingLoss(truth, pred, Labels, weight));
            MetricAssert.Same(MultilabelMetrics.F1Micro(rt, rp, Labels, []), MultilabelMetrics.F1Micro(truth, pred, Labels, weight));
            MetricAssert.Same(MultilabelMetrics.F1Macro(rt, rp, Labels, []), MultilabelMetrics.F1Macro(truth, pred, Labels, weight));
            MetricAssert.Same(MultilabelMetrics.F1Weighted(rt, rp, Labels, []), MultilabelMetrics.F1Weighted(truth, pred, Labels, weight));
            MetricAssert.Same(MultilabelMetrics.F1Samples(rt, rp, Labels, []), MultilabelMetrics.F1Samples(truth, pred, Labels, weight));
            MetricAssert.Same(MultilabelMetrics.JaccardSamples(rt, rp, Labels, []), MultilabelMetrics.JaccardSamples(truth, pred, Labels, weight));
            MetricAssert.Same(MultilabelMetrics.RocAucMacro(rt, rq, Labels, []), MultilabelMetrics.RocAucMacro(truth, proba, Labels, weight));
            MetricAssert.Same(MultilabelMetrics.RocAucMicro(rt, rq, Labels, []), MultilabelMetrics.RocAucMicro(truth, proba, Labels, weight));
            MetricAssert.Same(MultilabelMetrics.AveragePrecisionMacro(rt, rq, Labels, []), MultilabelMetrics.AveragePrecisionMacro(truth, proba, Labels, weight));
            MetricAssert.Same(MultilabelMetrics.MeanColumnLogLoss(rt, rq, Labels, []), MultilabelMetrics.MeanColumnLogLoss(truth, proba, Labels, weight));
        }
    }
}
