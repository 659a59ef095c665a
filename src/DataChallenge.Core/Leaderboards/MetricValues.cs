namespace DataChallenge.Core.Leaderboards;

/// <summary>
/// A board line's value of every metric of the phase, in the board's column order (primary first). Compared by
/// value, so the live stream sees an unchanged line as unchanged; written to JSON as an array.
/// </summary>
public sealed class MetricValues(IReadOnlyList<double?> values) : IReadOnlyList<double?>, IEquatable<MetricValues>
{
    private readonly double?[] _values = [.. values];

    public double? this[int index] => _values[index];
    public int Count => _values.Length;
    public IEnumerator<double?> GetEnumerator() => ((IEnumerable<double?>)_values).GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(MetricValues? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);
    public override bool Equals(object? obj) => Equals(obj as MetricValues);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in _values) hash.Add(value);
        return hash.ToHashCode();
    }
}
