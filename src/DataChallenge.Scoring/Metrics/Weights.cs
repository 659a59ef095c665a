namespace DataChallenge.Scoring.Metrics;

/// <summary>Sample-weight helpers shared by the metric classes; an empty span means every row weighs 1.</summary>
internal static class Weights
{
    public const string AllZeroReason = "every row has weight zero, so there is nothing to average";

    public static double At(ReadOnlySpan<double> weight, int row) => weight.IsEmpty ? 1.0 : weight[row];

    public static double Total(ReadOnlySpan<double> weight, int rows)
    {
        if (weight.IsEmpty)
        {
            return rows;
        }

        var total = 0.0;
        foreach (var w in weight)
        {
            total += w;
        }

        return total;
    }

    /// <summary>Checks the lengths the dispatch promised; a mismatch is a programming error, not a competitor's.</summary>
    public static void CheckLengths(int rows, int otherLength, ReadOnlySpan<double> weight, string otherName)
    {
        if (otherLength != rows)
        {
            throw new ArgumentException($"{otherName} has {otherLength} values for {rows} rows.", otherName);
        }

        if (!weight.IsEmpty && weight.Length != rows)
        {
            throw new ArgumentException($"weight has {weight.Length} values for {rows} rows.", nameof(weight));
        }
    }
}
