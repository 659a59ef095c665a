using System.Globalization;

namespace DataChallenge.Spine.Bench;

/// <summary>Order statistics of a set of latencies in milliseconds (nearest-rank percentiles).</summary>
public sealed class Summary
{
    private readonly double[] _sorted;

    public Summary(IEnumerable<double> values)
    {
        _sorted = values.Order().ToArray();
    }

    /// <summary>The values, smallest first.</summary>
    public IReadOnlyList<double> Values => _sorted;

    public int Count => _sorted.Length;
    public double Min => _sorted.Length == 0 ? double.NaN : _sorted[0];
    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];
    public double Median => Percentile(50);

    public double Percentile(double p)
        => _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public static string Ms(double value) => double.IsNaN(value) ? "n/a" : value.ToString(value < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + " ms";

    public static string Goal(double value, double limit, string what)
        => $"goal {what} < {Ms(limit)}: {(value < limit ? "MET" : "NOT MET")}";
}
