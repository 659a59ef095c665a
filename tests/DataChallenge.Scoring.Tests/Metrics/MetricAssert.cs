using DataChallenge.Scoring;

namespace DataChallenge.Scoring.Tests.Metrics;

/// <summary>Assertions and data builders shared by the metric tests.</summary>
internal static class MetricAssert
{
    /// <summary>Golden values come from sklearn, whose summation order differs from ours in the last bits.</summary>
    public const double RelativeTolerance = 1e-12;

    public static void Value(double expected, MetricResult actual)
    {
        Assert.Null(actual.UndefinedReason);
        Assert.NotNull(actual.Value);
        var tolerance = RelativeTolerance * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual.Value.Value) <= tolerance, $"Expected {expected:R}, got {actual.Value.Value:R}.");
    }

    public static void Undefined(MetricResult actual, string reasonFragment)
    {
        Assert.Null(actual.Value);
        Assert.NotNull(actual.UndefinedReason);
        Assert.Contains(reasonFragment, actual.UndefinedReason, StringComparison.Ordinal);
    }

    /// <summary>Both results equal: same value within tolerance, or both undefined.</summary>
    public static void Same(MetricResult expected, MetricResult actual)
    {
        Assert.Equal(expected.Value is null, actual.Value is null);
        if (expected.Value is { } e)
        {
            Assert.True(Math.Abs(e - actual.Value!.Value) <= 1e-9 * Math.Max(1.0, Math.Abs(e)), $"Expected {e:R}, got {actual.Value.Value:R}.");
        }
    }

    /// <summary>Integer weights 0..3, with zeros, as a bootstrap's multinomial counts would have.</summary>
    public static double[] IntegerWeights(Random random, int rows)
    {
        var weight = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            weight[i] = random.Next(4);
        }

        return weight;
    }

    /// <summary>Repeats each row (of <paramref name="width"/> values) weight[row] times.</summary>
    public static T[] Repeat<T>(T[] values, double[] weight, int width = 1)
    {
        var result = new List<T>();
        for (var row = 0; row < weight.Length; row++)
        {
            for (var k = 0; k < (int)weight[row]; k++)
            {
                result.AddRange(values.AsSpan(row * width, width));
            }
        }

        return [.. result];
    }
}
