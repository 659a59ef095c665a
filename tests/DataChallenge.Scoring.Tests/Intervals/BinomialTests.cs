using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring.Tests.Intervals;

public sealed class BinomialTests
{
    [Theory]
    [InlineData(40, 0.4)]   // rejection sampler (n·p ≥ 10)
    [InlineData(30, 0.1)]   // inversion (n·p < 10)
    [InlineData(25, 0.8)]   // p > 0.5 mirrored
    public void Sample_FollowsTheBinomialDistribution_WhenDrawnManyTimes(int n, double p)
    {
        const int draws = 100_000;
        var random = new SplitMixRandom(77);
        var counts = new int[n + 1];
        for (var i = 0; i < draws; i++) counts[Binomial.Sample(ref random, n, p)]++;

        // Every value's frequency within 5 standard deviations of its exact probability (independent of the sampler).
        for (var k = 0; k <= n; k++)
        {
            var probability = Math.Exp(LogChoose(n, k) + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p)));
            var sd = Math.Sqrt(draws * probability * (1 - probability));
            Assert.InRange(counts[k], (draws * probability) - (5 * sd) - 1, (draws * probability) + (5 * sd) + 1);
        }
    }

    [Fact]
    public void Sample_HasBinomialMeanAndVariance_WhenNIsTenMillion()
    {
        const int draws = 20_000;
        const int n = 10_000_000;
        const double p = 0.3;
        var random = new SplitMixRandom(5);
        double sum = 0, squares = 0;
        for (var i = 0; i < draws; i++)
        {
            double k = Binomial.Sample(ref random, n, p);
            sum += k;
            squares += k * k;
        }

        var mean = sum / draws;
        var variance = (squares / draws) - (mean * mean);
        var expectedVariance = n * p * (1 - p);
        Assert.InRange(mean, (n * p) - (5 * Math.Sqrt(expectedVariance / draws)), (n * p) + (5 * Math.Sqrt(expectedVariance / draws)));
        Assert.InRange(variance / expectedVariance, 0.95, 1.05);
    }

    [Fact]
    public void Multinomial_KeepsTheTotal_WhenCellsAreDrawn()
    {
        var random = new SplitMixRandom(3);
        var counts = new double[4];
        Binomial.Multinomial(ref random, 1000, [0.1, 0.2, 0.3, 0.4], counts);
        Assert.Equal(1000, counts.Sum());
        Assert.All(counts, c => Assert.True(c > 0));
    }

    private static double LogChoose(int n, int k)
    {
        double sum = 0;
        for (var i = 1; i <= k; i++) sum += Math.Log(n - k + i) - Math.Log(i);
        return sum;
    }
}
