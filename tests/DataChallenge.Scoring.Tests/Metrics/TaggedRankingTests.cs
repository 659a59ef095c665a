using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Tests.Metrics;

/// <summary>The unweighted shortcut (tagged keys, no rows carried) must give the ranking's values to the last bit.</summary>
public sealed class TaggedRankingTests
{
    [Theory]
    [InlineData(10, 2)]
    [InlineData(1000, 1)]
    [InlineData(100_000, 3)]
    [InlineData(200_000, 12)]
    public void TaggedMetrics_EqualTheRankingsBitForBit_WhenScoresTieOften(int rows, int decimals)
    {
        var random = new Random(rows + decimals);
        var truth = new double[rows];
        var proba = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            truth[i] = random.Next(3) == 0 ? 1 : 0;
            proba[i] = Math.Round(Math.Clamp((0.3 * truth[i]) + (0.7 * random.NextDouble()), 0, 1), decimals);
        }

        proba[0] = -0.0;
        proba[rows - 1] = 1;
        var tagged = ScoreSort.DescendingTagged(proba, truth);

        Assert.NotNull(tagged);
        Assert.Equal(BinaryMetrics.RocAuc(truth, proba, []).Value, BinaryMetrics.RocAuc(tagged).Value);
        Assert.Equal(BinaryMetrics.AveragePrecision(truth, proba, []).Value, BinaryMetrics.AveragePrecision(tagged).Value);
    }

    [Fact]
    public void TaggedMetrics_GiveTheRankingsAnswer_WhenAClassIsAbsent()
    {
        double[] truth = [0, 0, 0];
        double[] proba = [0.2, 0.5, 0.5];
        var tagged = ScoreSort.DescendingTagged(proba, truth)!;

        Assert.Equal(BinaryMetrics.RocAuc(truth, proba, []), BinaryMetrics.RocAuc(tagged));
        Assert.Equal(BinaryMetrics.AveragePrecision(truth, proba, []), BinaryMetrics.AveragePrecision(tagged));
    }

    [Fact]
    public void DescendingTagged_DeclinesNegativeScores_WhoseKeysNeedEveryBit()
    {
        Assert.Null(ScoreSort.DescendingTagged([0.5, -0.25], [1, 0]));
    }
}
