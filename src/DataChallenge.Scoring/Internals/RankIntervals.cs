namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Normal intervals of the binary ranking metrics from their variance, computed in one pass over the tie groups of
/// the sorted scores: O(n log n) for the sort, shared by both metrics, and O(n) after it, with no resample.
/// </summary>
internal static class RankIntervals
{
    /// <summary>
    /// DeLong, DeLong and Clarke-Pearson (1988), in the midrank form of Sun and Xu (2014): each row's placement value
    /// (the share of the other class it beats, ties counting half) and the AUC's variance S10/m + S01/n from them.
    /// </summary>
    public static ConfidenceInterval? RocAuc(ScoringData data, ScoringConfig config, MetricFactory create, IntervalRequest request)
        => request.Resamples <= 0 || data.Rows == 0 ? null : RocAuc(data.RankGroups);

    public static ConfidenceInterval? RocAuc(TieGroups groups)
    {
        double m = groups.TotalPositives, n = groups.TotalNegatives;
        if (m == 0 || n == 0) return null;
        double above1 = 0, above0 = 0, auc = 0, squares10 = 0, squares01 = 0;
        for (var g = 0; g < groups.Positives.Length; g++)
        {
            double pos = groups.Positives[g], neg = groups.Negatives[g];
            var v10 = (n - above0 - neg + (0.5 * neg)) / n; // a positive here beats the negatives below it
            var v01 = (above1 + (0.5 * pos)) / m;           // a negative here is beaten by the positives above it
            auc += pos * v10;
            squares10 += pos * v10 * v10;
            squares01 += neg * v01 * v01;
            above1 += pos;
            above0 += neg;
        }

        auc /= m;
        var s10 = m > 1 ? Math.Max(0, squares10 - (m * auc * auc)) / (m - 1) : 0;
        var s01 = n > 1 ? Math.Max(0, squares01 - (n * auc * auc)) / (n - 1) : 0;
        return Clamp(Percentile.Normal(auc, (s10 / m) + (s01 / n), IntervalMethods.DeLong));
    }

    /// <summary>
    /// Average precision's infinitesimal-jackknife variance: the sum of squared derivatives of AP with respect to each
    /// row's weight, which is the bootstrap variance to first order. A row of class y in tie group k moves AP by
    /// (y·(r_k + S1_k) − S2_k − y·AP) / P, with r_k the precision at k, S1_k = Σ_{g≥k} P_g/N_g and
    /// S2_k = Σ_{g≥k} P_g·r_g/N_g (P_g, N_g positives in g and rows down to g).
    /// </summary>
    public static ConfidenceInterval? AveragePrecision(ScoringData data, ScoringConfig config, MetricFactory create, IntervalRequest request)
        => request.Resamples <= 0 || data.Rows == 0 ? null : AveragePrecision(data.RankGroups);

    public static ConfidenceInterval? AveragePrecision(TieGroups groups)
    {
        double total = groups.TotalPositives;
        if (total == 0) return null;
        double tp = 0, rows = 0, ap = 0, s1 = 0, s2 = 0;
        for (var g = 0; g < groups.Positives.Length; g++)
        {
            tp += groups.Positives[g];
            rows += groups.Positives[g] + groups.Negatives[g];
            var precision = tp / rows;
            ap += groups.Positives[g] * precision;
            s1 += groups.Positives[g] / rows;
            s2 += groups.Positives[g] * precision / rows;
        }

        ap /= total;
        double sum = 0, squares = 0, prefix1 = 0, prefix2 = 0;
        tp = rows = 0;
        for (var g = 0; g < groups.Positives.Length; g++)
        {
            double pos = groups.Positives[g], neg = groups.Negatives[g];
            tp += pos;
            rows += pos + neg;
            var precision = tp / rows;
            var suffix1 = s1 - prefix1;
            var suffix2 = s2 - prefix2;
            var positive = (precision + suffix1 - suffix2 - ap) / total;
            var negative = -suffix2 / total;
            sum += (pos * positive) + (neg * negative);
            squares += (pos * positive * positive) + (neg * negative * negative);
            prefix1 += pos / rows;
            prefix2 += pos * precision / rows;
        }

        // The derivatives sum to zero (AP does not change when every weight is scaled); centring removes rounding.
        var variance = Math.Max(0, squares - (sum * sum / rows));
        return Clamp(Percentile.Normal(ap, variance, IntervalMethods.NormalInfluence));
    }

    // Both metrics lie in [0, 1]; a normal interval near an end is cut there rather than reach past it.
    private static ConfidenceInterval? Clamp(ConfidenceInterval? interval)
        => interval is { } i ? i with { Lower = Math.Max(0, i.Lower), Upper = Math.Min(1, i.Upper) } : null;
}
