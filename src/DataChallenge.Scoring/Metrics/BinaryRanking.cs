namespace DataChallenge.Scoring.Metrics;

/// <summary>
/// Rows sorted once by descending score, with the tie groups marked, so that ranking metrics can be recomputed
/// for many weightings (bootstrap resamples) in O(n) each instead of sorting again.
/// </summary>
internal readonly struct BinaryRanking
{
    /// <summary>Row count above which a row index no longer fits beside its truth bit.</summary>
    public const int MaxRows = int.MaxValue >> 1;

    private readonly int[] _entries;

    private BinaryRanking(int[] entries, int[] groupEnds, int positives)
    {
        _entries = entries;
        GroupEnds = groupEnds;
        Positives = positives;
        Negatives = entries.Length - positives;
    }

    /// <summary>
    /// One entry per sorted position, highest score first: original row index shifted left by one, truth (1 = class 1)
    /// in the low bit. Packing the truth beside the row keeps the per-resample loop to one sequential stream.
    /// </summary>
    public ReadOnlySpan<int> Entries => _entries;

    /// <summary>Exclusive end position of each group of equal scores, in sorted order.</summary>
    public int[] GroupEnds { get; }

    /// <summary>Unweighted counts: sklearn refuses ROC AUC when a class is absent whatever the weights.</summary>
    public int Positives { get; }

    public int Negatives { get; }

    public int Rows => _entries.Length;

    public static BinaryRanking Create(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba)
    {
        if (proba.Length != truth.Length)
        {
            throw new ArgumentException($"proba has {proba.Length} values for {truth.Length} rows.", nameof(proba));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(truth.Length, MaxRows, nameof(truth));

        // The truth bit rides beside the row through the sort, so no random read of the truth follows it.
        var entries = new int[truth.Length];
        var positives = 0;
        for (var row = 0; row < entries.Length; row++)
        {
            var positive = truth[row] == 1.0 ? 1 : 0;
            entries[row] = (row << 1) | positive;
            positives += positive;
        }

        var (order, keys) = ScoreSort.Descending(proba, entries);
        var n = order.Length;
        var groupCount = 0;
        for (var i = 0; i < n; i++)
        {
            if (i == n - 1 || keys[i] != keys[i + 1])
            {
                groupCount++;
            }
        }

        var groupEnds = new int[groupCount];
        var g = 0;
        for (var i = 0; i < n; i++)
        {
            if (i == n - 1 || keys[i] != keys[i + 1])
            {
                groupEnds[g++] = i + 1;
            }
        }

        return new BinaryRanking(order, groupEnds, positives);
    }
}
