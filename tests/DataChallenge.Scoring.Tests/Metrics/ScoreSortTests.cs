using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Tests.Metrics;

public class ScoreSortTests
{
    [Fact]
    public void Descending_OrdersHighestFirst_WhenScoresHaveSignsTiesAndInfinities()
    {
        double[] scores = [0.5, -1.5, double.PositiveInfinity, 0.0, -0.0, 3e-300, -3e-300, 0.5, double.NegativeInfinity, 1.0, -1.5];
        var (order, keys) = ScoreSort.Descending(scores);

        double[] expected = [double.PositiveInfinity, 1.0, 0.5, 0.5, 3e-300, 0.0, 0.0, -3e-300, -1.5, -1.5, double.NegativeInfinity];
        Assert.Equal(expected, order.Select(row => scores[row] == 0 ? 0.0 : scores[row]));
        Assert.Equal(Enumerable.Range(0, scores.Length), order.Order());
        for (var i = 1; i < keys.Length; i++)
        {
            Assert.Equal(scores[order[i - 1]] == scores[order[i]], keys[i - 1] == keys[i]);
        }
    }

    [Fact]
    public void Descending_MatchesComparisonSort_WhenScoresAreRandom()
    {
        var random = new Random(37);
        var scores = new double[5000];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = random.Next(4) == 0 ? Math.Round(random.NextDouble(), 2) : (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-5, 5));
        }

        var (order, _) = ScoreSort.Descending(scores);
        var expected = scores.OrderByDescending(s => s).ToArray();
        Assert.Equal(expected, order.Select(row => scores[row]));
    }

    [Fact]
    public void Descending_ReturnsEmpty_WhenThereAreNoScores()
    {
        var (order, keys) = ScoreSort.Descending([]);
        Assert.Empty(order);
        Assert.Empty(keys);
    }
}
