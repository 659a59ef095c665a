namespace DataChallenge.Scoring.Metrics;

/// <summary>
/// Sorts by descending score with an LSD radix sort on the scores' bit patterns: O(n) passes instead of a comparison
/// sort, which matters at ten million rows. Either row indices travel with the keys (weighted metrics look weights up
/// by row), or the keys travel alone with the truth bit inside them (unweighted metrics need only each tie group's
/// class counts). Digits of 11 bits (6 passes at most); a digit equal in every key, such as the exponent of
/// probabilities, is skipped. Large inputs are counted and scattered on two cores.
/// </summary>
internal static class ScoreSort
{
    private const int Bits = 11;
    private const int Radix = 1 << Bits;
    private const int Digits = (64 + Bits - 1) / Bits;
    private const ulong Mask = Radix - 1;

    /// <summary>Below this many scores one core sorts alone: handing work to a second thread costs more than it saves.</summary>
    private const int MinParallel = 1 << 16;

    /// <summary>Row indices, highest score first, and the sort keys in that order (equal keys ⇔ equal scores).</summary>
    public static (int[] Order, ulong[] Keys) Descending(ReadOnlySpan<double> scores)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        return Descending(scores, order);
    }

    /// <summary>
    /// <paramref name="payload"/> (one value per score, such as a row index with a flag beside it) in descending score
    /// order, stably, and the sort keys in that order (equal keys ⇔ equal scores). The payload array is sorted in
    /// place or replaced by a new one.
    /// </summary>
    public static (int[] Payload, ulong[] Keys) Descending(ReadOnlySpan<double> scores, int[] payload)
    {
        var n = scores.Length;
        if (payload.Length != n) throw new ArgumentException($"payload has {payload.Length} values for {n} scores.", nameof(payload));
        var order = payload;
        var keys = new ulong[n];
        for (var i = 0; i < n; i++) keys[i] = DescendingKey(scores[i]);

        // The input is cut into parts, one per core; within a pass each part counts and scatters its own keys, and
        // part t writes each digit's keys after those of parts before it, so the sort stays stable and its result
        // does not depend on the number of parts.
        var parts = n >= MinParallel && Environment.ProcessorCount > 1 ? 2 : 1;
        var counts = new int[parts * Radix];
        var offsets = new int[parts * Radix];
        var spareKeys = new ulong[n];
        var spareOrder = new int[n];
        for (var d = 0; d < Digits; d++)
        {
            var shift = Bits * d;
            Array.Clear(counts);
            var source = keys;
            ForEachPart(parts, n, (part, start, end) => Count(source, start, end, shift, counts.AsSpan(part * Radix, Radix)));

            // A digit equal in every key (the exponent of probabilities, say) leaves the order as it is.
            if (n == 0 || Total(counts, parts, (int)((keys[0] >> shift) & Mask)) == n)
            {
                continue;
            }

            Offsets(counts, offsets, parts);
            var (sourceKeys, sourceOrder, targetKeys, targetOrder) = (keys, order, spareKeys, spareOrder);
            ForEachPart(parts, n, (part, start, end) =>
                Scatter(sourceKeys, sourceOrder, targetKeys, targetOrder, start, end, shift, offsets.AsSpan(part * Radix, Radix)));

            (keys, spareKeys) = (spareKeys, keys);
            (order, spareOrder) = (spareOrder, order);
        }

        return (order, keys);
    }

    /// <summary>
    /// Each score's key shifted left with a class bit beside it (1 when the row's truth is 1), sorted ascending: rows
    /// in descending score order, equal scores side by side, and nothing else carried. Null when a score is negative:
    /// its key needs all 64 bits.
    /// </summary>
    public static ulong[]? DescendingTagged(ReadOnlySpan<double> scores, ReadOnlySpan<double> truth)
    {
        var n = scores.Length;
        var keys = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            var key = DescendingKey(scores[i]);
            if (key >> 63 != 0) return null;
            keys[i] = (key << 1) | (truth[i] == 1.0 ? 1UL : 0UL);
        }

        var parts = n >= MinParallel && Environment.ProcessorCount > 1 ? 2 : 1;
        var counts = new int[parts * Radix];
        var offsets = new int[parts * Radix];
        var spare = new ulong[n];
        for (var d = 0; d < Digits; d++)
        {
            var shift = Bits * d;
            Array.Clear(counts);
            var source = keys;
            ForEachPart(parts, n, (part, start, end) => Count(source, start, end, shift, counts.AsSpan(part * Radix, Radix)));
            if (n == 0 || Total(counts, parts, (int)((keys[0] >> shift) & Mask)) == n) continue;

            Offsets(counts, offsets, parts);
            var target = spare;
            ForEachPart(parts, n, (part, start, end) => ScatterKeys(source, target, start, end, shift, offsets.AsSpan(part * Radix, Radix)));
            (keys, spare) = (spare, keys);
        }

        return keys;
    }

    // Where each part's keys of each digit start: all smaller digits first, then the same digit's keys of earlier parts.
    private static void Offsets(int[] counts, int[] offsets, int parts)
    {
        var running = 0;
        for (var b = 0; b < Radix; b++)
        {
            for (var part = 0; part < parts; part++)
            {
                offsets[(part * Radix) + b] = running;
                running += counts[(part * Radix) + b];
            }
        }
    }

    // The loops live in methods of their own, not in the lambdas: there the arrays are arguments the compiler keeps in
    // registers, where a lambda would reload each one from its closure at every row.
    private static void Count(ulong[] keys, int start, int end, int shift, Span<int> counts)
    {
        for (var i = start; i < end; i++) counts[(int)((keys[i] >> shift) & Mask)]++;
    }

    private static void Scatter(ulong[] sourceKeys, int[] sourceOrder, ulong[] targetKeys, int[] targetOrder, int start, int end, int shift, Span<int> offsets)
    {
        for (var i = start; i < end; i++)
        {
            var key = sourceKeys[i];
            var target = offsets[(int)((key >> shift) & Mask)]++;
            targetKeys[target] = key;
            targetOrder[target] = sourceOrder[i];
        }
    }

    private static void ScatterKeys(ulong[] sourceKeys, ulong[] targetKeys, int start, int end, int shift, Span<int> offsets)
    {
        for (var i = start; i < end; i++)
        {
            var key = sourceKeys[i];
            targetKeys[offsets[(int)((key >> shift) & Mask)]++] = key;
        }
    }

    private static int Total(int[] counts, int parts, int bucket)
    {
        var total = 0;
        for (var part = 0; part < parts; part++) total += counts[(part * Radix) + bucket];
        return total;
    }

    private static void ForEachPart(int parts, int n, Action<int, int, int> body)
    {
        if (parts == 1)
        {
            body(0, 0, n);
            return;
        }

        Parallel.For(0, parts, part => body(part, (int)((long)n * part / parts), (int)((long)n * (part + 1) / parts)));
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
