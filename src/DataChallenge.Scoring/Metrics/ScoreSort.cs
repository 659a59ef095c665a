namespace DataChallenge.Scoring.Metrics;

/// <summary>
/// Sorts row indices by descending score with an LSD radix sort on the scores' bit patterns: O(n) passes instead
/// of a comparison sort, which matters at ten million rows. Digits of 11 bits (6 passes at most); a digit equal in
/// every key, such as the exponent of probabilities, is skipped.
/// </summary>
internal static class ScoreSort
{
    private const int Bits = 11;
    private const int Radix = 1 << Bits;
    private const int Digits = (64 + Bits - 1) / Bits;
    private const ulong Mask = Radix - 1;

    /// <summary>Row indices, highest score first, and the sort keys in that order (equal keys ⇔ equal scores).</summary>
    public static (int[] Order, ulong[] Keys) Descending(ReadOnlySpan<double> scores)
    {
        var n = scores.Length;
        var keys = new ulong[n];
        var order = new int[n];
        var counts = new int[Digits * Radix];
        for (var i = 0; i < n; i++)
        {
            var key = DescendingKey(scores[i]);
            keys[i] = key;
            order[i] = i;
            for (var d = 0; d < Digits; d++)
            {
                counts[(d * Radix) + (int)((key >> (Bits * d)) & Mask)]++;
            }
        }

        var spareKeys = new ulong[n];
        var spareOrder = new int[n];
        var offsets = new int[Radix];
        for (var d = 0; d < Digits; d++)
        {
            var digitCounts = counts.AsSpan(d * Radix, Radix);
            if (n == 0 || digitCounts.Contains(n))
            {
                continue;
            }

            var running = 0;
            for (var b = 0; b < Radix; b++)
            {
                offsets[b] = running;
                running += digitCounts[b];
            }

            var shift = Bits * d;
            for (var i = 0; i < n; i++)
            {
                var key = keys[i];
                var target = offsets[(int)((key >> shift) & Mask)]++;
                spareKeys[target] = key;
                spareOrder[target] = order[i];
            }

            (keys, spareKeys) = (spareKeys, keys);
            (order, spareOrder) = (spareOrder, order);
        }

        return (order, keys);
    }

    /// <summary>
    /// Maps a double to an unsigned key whose ascending order is the double's descending order. −0 is folded into
    /// +0 so that they tie, as they compare equal.
    /// </summary>
    internal static ulong DescendingKey(double score)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(score == 0 ? 0.0 : score);
        var ascending = (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
        return ~ascending;
    }
}
