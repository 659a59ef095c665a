using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring.Tests.Intervals;

public sealed class RankIntervalsTests
{
    [Fact]
    public void RocAuc_GivesDeLongsVariance_WhenComparedWithTheQuadraticDefinition()
    {
        var data = IntervalData.BinarySample(new Random(21), 300);

        var interval = RankIntervals.RocAuc(data.RankGroups)!.Value;

        // DeLong's placement values by their definition: every positive against every negative, ties half.
        var positives = Enumerable.Range(0, data.Rows).Where(i => data.Truth[i] == 1).Select(i => data.Prediction[i]).ToArray();
        var negatives = Enumerable.Range(0, data.Rows).Where(i => data.Truth[i] == 0).Select(i => data.Prediction[i]).ToArray();
        static double Psi(double x, double y) => x > y ? 1 : x == y ? 0.5 : 0;
        var v10 = positives.Select(x => negatives.Average(y => Psi(x, y))).ToArray();
        var v01 = negatives.Select(y => positives.Average(x => Psi(x, y))).ToArray();
        var auc = v10.Average();
        var s10 = v10.Sum(v => (v - auc) * (v - auc)) / (v10.Length - 1);
        var s01 = v01.Sum(v => (v - auc) * (v - auc)) / (v01.Length - 1);
        var half = Percentile.Z * Math.Sqrt((s10 / v10.Length) + (s01 / v01.Length));

        Assert.Equal(IntervalMethods.DeLong, interval.Method);
        Assert.Equal(auc - half, interval.Lower, 12);
        Assert.Equal(auc + half, interval.Upper, 12);
    }

    [Fact]
    public void RocAuc_HasNoInterval_WhenOneClassIsMissing()
    {
        var data = new ScoringData { Rows = 3, Truth = [1, 1, 1], Prediction = [0.2, 0.5, 0.9], Width = 1, PredictionWidth = 1 };

        Assert.Null(RankIntervals.RocAuc(data.RankGroups));
    }

    [Fact]
    public void AveragePrecision_GivesTheJackknifeVariance_WhenComparedWithNumericalDerivatives()
    {
        var data = IntervalData.BinarySample(new Random(22), 60);
        var config = IntervalData.Binary;
        var metric = MetricRegistry.Find("average_precision")!.FactoryFor(config.TaskType)!(data, config);

        // Σ_j (∂AP/∂w_j)², each derivative by a central difference of the weighted metric.
        var weight = Enumerable.Repeat(1.0, data.Rows).ToArray();
        double squares = 0;
        for (var j = 0; j < data.Rows; j++)
        {
            weight[j] = 1 + 1e-6;
            var up = metric(weight).Value!.Value;
            weight[j] = 1 - 1e-6;
            var down = metric(weight).Value!.Value;
            weight[j] = 1;
            var derivative = (up - down) / 2e-6;
            squares += derivative * derivative;
        }

        var interval = RankIntervals.AveragePrecision(data.RankGroups)!.Value;
        var value = metric([]).Value!.Value;
        var half = Percentile.Z * Math.Sqrt(squares);
        Assert.Equal(value - half, interval.Lower, 6);
        Assert.Equal(Math.Min(1, value + half), interval.Upper, 6);
    }
}
