using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Tests.Metrics;

public class BinaryMetricsTests
{
    private static readonly double[] BasicTruth = [0, 0, 1, 1];
    private static readonly double[] BasicProba = [0.1, 0.4, 0.35, 0.8];
    private static readonly double[] TiesTruth = [0, 1, 0, 1, 1, 0, 0, 1];
    private static readonly double[] TiesProba = [0.5, 0.5, 0.2, 0.9, 0.2, 0.5, 0.1, 0.7];
    private static readonly double[] TiesWeight = [1, 2, 0.5, 1, 3, 0, 2, 1];
    private static readonly double[] ImbalancedTruth = [0, 0, 0, 0, 0, 0, 0, 1, 0, 1];
    private static readonly double[] ImbalancedProba = [0.05, 0.2, 0.3, 0.1, 0.6, 0.0, 1.0, 0.6, 0.25, 0.3];
    private static readonly double[] EqualTruth = [0, 1, 0, 1, 1];
    private static readonly double[] EqualProba = [0.3, 0.3, 0.3, 0.3, 0.3];

    [Fact]
    public void RocAuc_MatchesSklearn_WhenScoresAreDistinct()
    {
        // sklearn.metrics.roc_auc_score([0,0,1,1],[0.1,0.4,0.35,0.8]) == 0.75
        MetricAssert.Value(0.75, BinaryMetrics.RocAuc(BasicTruth, BasicProba, []));
    }

    [Fact]
    public void RocAuc_GivesHalfCreditForTies_WhenScoresTie()
    {
        // roc_auc_score([0,1,0,1,1,0,0,1],[0.5,0.5,0.2,0.9,0.2,0.5,0.1,0.7]) == 0.78125
        MetricAssert.Value(0.78125, BinaryMetrics.RocAuc(TiesTruth, TiesProba, []));
    }

    [Fact]
    public void RocAuc_MatchesSklearn_WhenWeighted()
    {
        // roc_auc_score(ties truth, ties proba, sample_weight=[1,2,0.5,1,3,0,2,1]) == 0.8061224489795917
        MetricAssert.Value(0.8061224489795917, BinaryMetrics.RocAuc(TiesTruth, TiesProba, TiesWeight));
    }

    [Fact]
    public void RocAuc_MatchesSklearn_WhenImbalanced()
    {
        // roc_auc_score([0,0,0,0,0,0,0,1,0,1],[0.05,0.2,0.3,0.1,0.6,0.0,1.0,0.6,0.25,0.3]) == 0.75
        MetricAssert.Value(0.75, BinaryMetrics.RocAuc(ImbalancedTruth, ImbalancedProba, []));
    }

    [Fact]
    public void RocAuc_IsOneHalf_WhenAllPredictionsEqual()
    {
        // roc_auc_score([0,1,0,1,1],[0.3]*5) == 0.5
        MetricAssert.Value(0.5, BinaryMetrics.RocAuc(EqualTruth, EqualProba, []));
    }

    [Fact]
    public void RocAuc_IsUndefined_WhenTruthHasOneClass()
    {
        MetricAssert.Undefined(BinaryMetrics.RocAuc([1, 1, 1], [0.2, 0.5, 0.9], []), "no row of class 0");
        MetricAssert.Undefined(BinaryMetrics.RocAuc([0, 0], [0.2, 0.5], []), "no row of class 1");
    }

    [Fact]
    public void RocAuc_IsUndefined_WhenEveryPositiveHasWeightZero()
    {
        MetricAssert.Undefined(BinaryMetrics.RocAuc([0, 1, 0, 1], [0.2, 0.5, 0.9, 0.4], [1, 0, 2, 0]), "weight zero");
    }

    [Fact]
    public void AveragePrecision_MatchesSklearn_WhenScoresAreDistinct()
    {
        // sklearn.metrics.average_precision_score([0,0,1,1],[0.1,0.4,0.35,0.8]) == 0.8333333333333333
        MetricAssert.Value(0.8333333333333333, BinaryMetrics.AveragePrecision(BasicTruth, BasicProba, []));
    }

    [Fact]
    public void AveragePrecision_GroupsTiesAsThresholds_WhenScoresTie()
    {
        // average_precision_score([0,1,0,1,1,0,0,1],[0.5,0.5,0.2,0.9,0.2,0.5,0.1,0.7]) == 0.7928571428571428
        MetricAssert.Value(0.7928571428571428, BinaryMetrics.AveragePrecision(TiesTruth, TiesProba, []));
    }

    [Fact]
    public void AveragePrecision_MatchesSklearn_WhenWeighted()
    {
        // average_precision_score(ties truth, ties proba, sample_weight=[1,2,0.5,1,3,0,2,1]) == 0.8672268907563025
        MetricAssert.Value(0.8672268907563025, BinaryMetrics.AveragePrecision(TiesTruth, TiesProba, TiesWeight));
    }

    [Fact]
    public void AveragePrecision_MatchesSklearn_WhenImbalancedOrAllEqual()
    {
        // average_precision_score(imbalanced truth, imbalanced proba) == 0.3666666666666667
        MetricAssert.Value(0.3666666666666667, BinaryMetrics.AveragePrecision(ImbalancedTruth, ImbalancedProba, []));
        // average_precision_score([0,1,0,1,1],[0.3]*5) == 0.6
        MetricAssert.Value(0.6, BinaryMetrics.AveragePrecision(EqualTruth, EqualProba, []));
        // average_precision_score([1,1,1],[0.1,0.2,0.3]) == 1.0
        MetricAssert.Value(1.0, BinaryMetrics.AveragePrecision([1, 1, 1], [0.1, 0.2, 0.3], []));
    }

    [Fact]
    public void AveragePrecision_IsNegativeZero_WhenTruthHasNoPositive()
    {
        // Debian's sklearn 1.2.1: average_precision_score([0,0,0],[0.1,0.2,0.3]) warns and returns -0.0
        var result = BinaryMetrics.AveragePrecision([0, 0, 0], [0.1, 0.2, 0.3], []);

        MetricAssert.Value(0.0, result);
        Assert.True(double.IsNegative(result.Value!.Value));
    }

    [Fact]
    public void LogLoss_MatchesSklearn_WhenUnweightedOrWeighted()
    {
        // sklearn.metrics.log_loss([0,0,1,1],[0.1,0.4,0.35,0.8],labels=[0,1]) == 0.47228795380917615
        MetricAssert.Value(0.47228795380917615, BinaryMetrics.LogLoss(BasicTruth, BasicProba, []));
        // log_loss(ties truth, ties proba, sample_weight=[1,2,0.5,1,3,0,2,1], labels=[0,1]) == 0.7325793852906146
        MetricAssert.Value(0.7325793852906146, BinaryMetrics.LogLoss(TiesTruth, TiesProba, TiesWeight));
        // log_loss(imbalanced truth, imbalanced proba, labels=[0,1]) == 3.9698896926833336
        MetricAssert.Value(3.9698896926833336, BinaryMetrics.LogLoss(ImbalancedTruth, ImbalancedProba, []));
    }

    [Fact]
    public void LogLoss_ClipsAtMachineEpsilon_WhenProbabilitiesAreZeroOrOne()
    {
        // log_loss([0,1,1,0],[0.0,1.0,0.0,1e-300],labels=[0,1]) == 9.010913347279288
        MetricAssert.Value(9.010913347279288, BinaryMetrics.LogLoss([0, 1, 1, 0], [0.0, 1.0, 0.0, 1e-300], []));
    }

    [Fact]
    public void LogLoss_IsDefined_WhenTruthHasOneClass()
    {
        // log_loss([1,1,1],[0.9,0.8,0.4],labels=[0,1]) == 0.414931599615397
        MetricAssert.Value(0.414931599615397, BinaryMetrics.LogLoss([1, 1, 1], [0.9, 0.8, 0.4], []));
    }

    [Fact]
    public void LogLoss_IsUndefined_WhenAllWeightsAreZero()
    {
        MetricAssert.Undefined(BinaryMetrics.LogLoss([0, 1], [0.2, 0.7], [0, 0]), "weight zero");
    }

    [Fact]
    public void BrierScore_MatchesSklearn_WhenUnweightedOrWeighted()
    {
        // sklearn.metrics.brier_score_loss([0,0,1,1],[0.1,0.4,0.35,0.8]) == 0.15812500000000002
        MetricAssert.Value(0.15812500000000002, BinaryMetrics.BrierScore(BasicTruth, BasicProba, []));
        // brier_score_loss(ties truth, ties proba, sample_weight=[1,2,0.5,1,3,0,2,1]) == 0.26761904761904765
        MetricAssert.Value(0.26761904761904765, BinaryMetrics.BrierScore(TiesTruth, TiesProba, TiesWeight));
    }

    [Fact]
    public void ThresholdMetrics_MatchSklearn_WhenThresholdIsOneHalf()
    {
        // accuracy_score / f1_score / matthews_corrcoef of [0,0,1,1] vs (p >= 0.5) == 0.75, 0.6666666666666666, 0.5773502691896258
        MetricAssert.Value(0.75, BinaryMetrics.Accuracy(BasicTruth, BasicProba, 0.5, []));
        MetricAssert.Value(0.6666666666666666, BinaryMetrics.F1(BasicTruth, BasicProba, 0.5, []));
        MetricAssert.Value(0.5773502691896258, BinaryMetrics.Mcc(BasicTruth, BasicProba, 0.5, []));
        // ties case, p >= 0.5 (0.5 counts as positive): 0.625, 0.6666666666666665, 0.2581988897471611
        MetricAssert.Value(0.625, BinaryMetrics.Accuracy(TiesTruth, TiesProba, 0.5, []));
        MetricAssert.Value(0.6666666666666665, BinaryMetrics.F1(TiesTruth, TiesProba, 0.5, []));
        MetricAssert.Value(0.2581988897471611, BinaryMetrics.Mcc(TiesTruth, TiesProba, 0.5, []));
        // imbalanced case: 0.7, 0.4, 0.2182178902359924
        MetricAssert.Value(0.7, BinaryMetrics.Accuracy(ImbalancedTruth, ImbalancedProba, 0.5, []));
        MetricAssert.Value(0.4, BinaryMetrics.F1(ImbalancedTruth, ImbalancedProba, 0.5, []));
        MetricAssert.Value(0.2182178902359924, BinaryMetrics.Mcc(ImbalancedTruth, ImbalancedProba, 0.5, []));
    }

    [Fact]
    public void ThresholdMetrics_MatchSklearn_WhenWeighted()
    {
        // sample_weight=[1,2,0.5,1,3,0,2,1]: accuracy 0.6190476190476191, f1 0.6666666666666666, mcc 0.26967994498529685
        MetricAssert.Value(0.6190476190476191, BinaryMetrics.Accuracy(TiesTruth, TiesProba, 0.5, TiesWeight));
        MetricAssert.Value(0.6666666666666666, BinaryMetrics.F1(TiesTruth, TiesProba, 0.5, TiesWeight));
        MetricAssert.Value(0.26967994498529685, BinaryMetrics.Mcc(TiesTruth, TiesProba, 0.5, TiesWeight));
    }

    [Fact]
    public void ThresholdMetrics_FollowZeroDivision_WhenNothingIsPositive()
    {
        // f1_score([0,0,0],[0,0,0]) == 0.0 and f1_score([0,0,0],[1,0,0]) == 0.0
        MetricAssert.Value(0.0, BinaryMetrics.F1([0, 0, 0], [0.1, 0.2, 0.3], 0.5, []));
        MetricAssert.Value(0.0, BinaryMetrics.F1([0, 0, 0], [0.9, 0.2, 0.3], 0.5, []));
        // matthews_corrcoef([0,1,1],[1,1,1]) == 0.0; all-equal predictions: f1 0.0, mcc 0.0
        MetricAssert.Value(0.0, BinaryMetrics.Mcc([0, 1, 1], [0.9, 0.9, 0.9], 0.5, []));
        MetricAssert.Value(0.0, BinaryMetrics.F1(EqualTruth, EqualProba, 0.5, []));
        MetricAssert.Value(0.4, BinaryMetrics.Accuracy(EqualTruth, EqualProba, 0.5, []));
    }

    [Fact]
    public void RankingOverloads_EqualPlainCalls_WhenWeightsVary()
    {
        var random = new Random(7);
        var (truth, proba) = RandomData(random, 300);
        var ranking = BinaryRanking.Create(truth, proba);
        for (var resample = 0; resample < 20; resample++)
        {
            var weight = MetricAssert.IntegerWeights(random, truth.Length);
            Assert.Equal(BinaryMetrics.RocAuc(truth, proba, weight), BinaryMetrics.RocAuc(in ranking, weight));
            Assert.Equal(BinaryMetrics.AveragePrecision(truth, proba, weight), BinaryMetrics.AveragePrecision(in ranking, weight));
        }

        Assert.Equal(BinaryMetrics.RocAuc(truth, proba, []), BinaryMetrics.RocAuc(in ranking, []));
    }

    [Fact]
    public void EveryMetric_EqualsRepeatedRows_WhenWeightsAreIntegers()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 10; trial++)
        {
            var (truth, proba) = RandomData(random, 60);
            var weight = MetricAssert.IntegerWeights(random, truth.Length);
            var repeatedTruth = MetricAssert.Repeat(truth, weight);
            var repeatedProba = MetricAssert.Repeat(proba, weight);
            MetricAssert.Same(BinaryMetrics.RocAuc(repeatedTruth, repeatedProba, []), BinaryMetrics.RocAuc(truth, proba, weight));
            MetricAssert.Same(BinaryMetrics.AveragePrecision(repeatedTruth, repeatedProba, []), BinaryMetrics.AveragePrecision(truth, proba, weight));
            MetricAssert.Same(BinaryMetrics.LogLoss(repeatedTruth, repeatedProba, []), BinaryMetrics.LogLoss(truth, proba, weight));
            MetricAssert.Same(BinaryMetrics.BrierScore(repeatedTruth, repeatedProba, []), BinaryMetrics.BrierScore(truth, proba, weight));
            MetricAssert.Same(BinaryMetrics.Accuracy(repeatedTruth, repeatedProba, 0.4, []), BinaryMetrics.Accuracy(truth, proba, 0.4, weight));
            MetricAssert.Same(BinaryMetrics.F1(repeatedTruth, repeatedProba, 0.4, []), BinaryMetrics.F1(truth, proba, 0.4, weight));
            MetricAssert.Same(BinaryMetrics.Mcc(repeatedTruth, repeatedProba, 0.4, []), BinaryMetrics.Mcc(truth, proba, 0.4, weight));
        }
    }

    /// <summary>Scores on a coarse grid so that ties are frequent.</summary>
    private static (double[] Truth, double[] Proba) RandomData(Random random, int rows)
    {
        var truth = new double[rows];
        var proba = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            truth[i] = random.Next(3) == 0 ? 1 : 0;
            proba[i] = Math.Round((random.NextDouble() + (0.3 * truth[i])) / 1.3, 1);
        }

        return (truth, proba);
    }
}
