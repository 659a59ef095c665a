namespace DataChallenge.Scoring.Metrics;

/// <summary>
/// Rows sorted once by descending score, with the tie groups marked, so that ranking metrics can be recomputed
/// for many weightings (bootstrap resamples) in O(n) each instead of sorting again.
/// </summary>
internal readonly struct BinaryRanking
{
    /// <summary>Original row index at each sorted position, highest score first.</summary>
    public readonly int[] Order;

    /// <summary>The truth at each sorted position (true = class 1), so the hot loop reads it sequentially.</summary>
    public readonly bool[] SortedTruth;

    /// <summary>Exclusive end position of each group of equal scores, in sorted order.</summary>
    public readonly int[] GroupEnds;

    /// <summary>Unweighted counts: sklearn refuses ROC AUC when a class is absent whatever the weights.</summary>
    public readonly int Positives;
    public readonly int Negatives;

    private BinaryRanking(int[] order, bool[] sortedTruth, int[] groupEnds, int positives, int negatives)
    {
        Order = order;
        SortedTruth = sortedTruth;
        GroupEnds = groupEnds;
        Positives = positives;
        Negatives = negatives;
    }

    public int Rows => Order.Length;

    public static BinaryRanking Create(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba)
    {
        if (proba.Length != truth.Length)
        {
            throw new ArgumentException($"proba has {proba.Length} values for {truth.Length} rows.", nameof(proba));
        }

        var n = truth.Length;
        var keys = proba.ToArray();
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        // Ascending sort then reverse: within a tie group the order is irrelevant because groups are summed whole.
        Array.Sort(keys, order);
        Array.Reverse(keys);
        Array.Reverse(order);

        var sortedTruth = new bool[n];
        var positives = 0;
        var groupCount = 0;
        for (var i = 0; i < n; i++)
        {
            var positive = truth[order[i]] == 1.0;
            sortedTruth[i] = positive;
            positives += positive ? 1 : 0;
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

        return new BinaryRanking(order, sortedTruth, groupEnds, positives, n - positives);
    }
}
