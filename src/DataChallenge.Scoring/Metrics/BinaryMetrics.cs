using System.Runtime.CompilerServices;

namespace DataChallenge.Scoring.Metrics;

/// <summary>
/// Binary classification metrics with scikit-learn 1.2 semantics. Truth holds 0/1, proba the probability of class 1,
/// weight is sklearn's sample_weight (empty = unweighted).
/// </summary>
internal static class BinaryMetrics
{
    /// <summary>np.finfo(np.float64).eps, sklearn's default log-loss clip.</summary>
    public const double Eps = 2.220446049250313e-16;

    public static MetricResult RocAuc(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, ReadOnlySpan<double> weight)
    {
        Weights.CheckLengths(truth.Length, proba.Length, weight, nameof(proba));
        var ranking = BinaryRanking.Create(truth, proba);
        return RocAuc(in ranking, weight);
    }

    /// <summary>Trapezoid over tie groups, i.e. the Mann-Whitney statistic with half credit for ties.</summary>
    public static MetricResult RocAuc(in BinaryRanking r, ReadOnlySpan<double> weight)
    {
        CheckWeight(in r, weight);
        if (r.Positives == 0 || r.Negatives == 0)
        {
            return MetricResult.Undefined(r.Positives == 0
                ? "ROC AUC is undefined: the truth has no row of class 1"
                : "ROC AUC is undefined: the truth has no row of class 0");
        }

        var entries = r.Entries;
        double tp = 0, fp = 0, area = 0;
        var start = 0;
        foreach (var end in r.GroupEnds)
        {
            SumGroup(entries[start..end], weight, out var groupTp, out var groupFp);
            area += groupFp * (tp + (0.5 * groupTp));
            tp += groupTp;
            fp += groupFp;
            start = end;
        }

        if (tp <= 0 || fp <= 0)
        {
            return MetricResult.Undefined(tp <= 0
                ? "ROC AUC is undefined: every row of class 1 has weight zero"
                : "ROC AUC is undefined: every row of class 0 has weight zero");
        }

        return MetricResult.Of(area / (tp * fp));
    }

    /// <summary>
    /// ROC AUC of unweighted rows from their tagged keys in sorted order (<see cref="ScoreSort.DescendingTagged"/>):
    /// the same sums in the same order as the ranking's, so the same value to the last bit.
    /// </summary>
    public static MetricResult RocAuc(ReadOnlySpan<ulong> tagged)
    {
        var positives = TaggedPositives(tagged);
        if (positives == 0 || positives == tagged.Length)
        {
            return MetricResult.Undefined(positives == 0
                ? "ROC AUC is undefined: the truth has no row of class 1"
                : "ROC AUC is undefined: the truth has no row of class 0");
        }

        double tp = 0, fp = 0, area = 0;
        for (var start = 0; start < tagged.Length;)
        {
            var end = TaggedGroupEnd(tagged, start, out var groupTp);
            double groupFp = end - start - groupTp;
            area += groupFp * (tp + (0.5 * groupTp));
            tp += groupTp;
            fp += groupFp;
            start = end;
        }

        return MetricResult.Of(area / (tp * fp));
    }

    /// <summary>Average precision of unweighted rows from their tagged keys in sorted order, as <see cref="RocAuc(ReadOnlySpan{ulong})"/>.</summary>
    public static MetricResult AveragePrecision(ReadOnlySpan<ulong> tagged)
    {
        if (TaggedPositives(tagged) == 0) return MetricResult.Of(-0.0);
        double tp = 0, fp = 0, sum = 0;
        for (var start = 0; start < tagged.Length;)
        {
            var end = TaggedGroupEnd(tagged, start, out var groupTp);
            tp += groupTp;
            fp += end - start - groupTp;
            if (groupTp > 0) sum += groupTp * (tp / (tp + fp));
            start = end;
        }

        return MetricResult.Of(sum / tp);
    }

    private static long TaggedPositives(ReadOnlySpan<ulong> tagged)
    {
        long positives = 0;
        foreach (var key in tagged) positives += (long)(key & 1);
        return positives;
    }

    // The end of the tie group starting at start (keys equal but for the class bit) and its count of class-1 rows.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TaggedGroupEnd(ReadOnlySpan<ulong> tagged, int start, out int positives)
    {
        var score = tagged[start] >> 1;
        var count = 0;
        var end = start;
        do count += (int)(tagged[end++] & 1);
        while (end < tagged.Length && tagged[end] >> 1 == score);
        positives = count;
        return end;
    }

    public static MetricResult AveragePrecision(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, ReadOnlySpan<double> weight)
    {
        Weights.CheckLengths(truth.Length, proba.Length, weight, nameof(proba));
        var ranking = BinaryRanking.Create(truth, proba);
        return AveragePrecision(in ranking, weight);
    }

    /// <summary>
    /// Step-wise sum of (R_n − R_{n−1}) P_n over the thresholds (one per tie group), as sklearn's
    /// average_precision_score; no interpolation.
    /// </summary>
    public static MetricResult AveragePrecision(in BinaryRanking r, ReadOnlySpan<double> weight)
    {
        CheckWeight(in r, weight);

        // sklearn (1.2, Debian's) only warns here: recall is set to 1 at every threshold, so every step is empty and
        // its "-sum(diff(recall) * precision)" is -0.0. The same value keeps both leaderboards in agreement.
        if (r.Positives == 0)
        {
            return MetricResult.Of(-0.0);
        }

        var entries = r.Entries;
        double tp = 0, fp = 0, sum = 0;
        var start = 0;
        foreach (var end in r.GroupEnds)
        {
            SumGroup(entries[start..end], weight, out var groupTp, out var groupFp);
            tp += groupTp;
            fp += groupFp;
            if (groupTp > 0)
            {
                sum += groupTp * (tp / (tp + fp));
            }

            start = end;
        }

        if (tp <= 0)
        {
            return MetricResult.Undefined("average precision is undefined: every row of class 1 has weight zero");
        }

        return MetricResult.Of(sum / tp);
    }

    /// <summary>sklearn log_loss(labels=[0, 1]): clip to [eps, 1 − eps], renormalise the two columns, weighted mean.</summary>
    public static MetricResult LogLoss(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, ReadOnlySpan<double> weight)
    {
        Weights.CheckLengths(truth.Length, proba.Length, weight, nameof(proba));
        double sum = 0, total = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            sum += w * RowLogLoss(truth[i] == 1.0, proba[i]);
            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(sum / total);
    }

    /// <summary>One row's binary log loss, rounded exactly as sklearn computes it.</summary>
    internal static double RowLogLoss(bool positive, double p)
    {
        var clipped = Math.Clamp(p, Eps, 1 - Eps);
        var negative = 1 - clipped;
        var rowSum = negative + clipped;
        return -Math.Log((positive ? clipped : negative) / rowSum);
    }

    public static MetricResult BrierScore(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, ReadOnlySpan<double> weight)
    {
        Weights.CheckLengths(truth.Length, proba.Length, weight, nameof(proba));
        double sum = 0, total = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            var d = truth[i] - proba[i];
            sum += w * d * d;
            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(sum / total);
    }

    public static MetricResult Accuracy(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, double threshold, ReadOnlySpan<double> weight)
    {
        var c = Confusion.Count(truth, proba, threshold, weight);
        return c.Total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of((c.Tp + c.Tn) / c.Total);
    }

    /// <summary>F1 of class 1; sklearn's zero_division default makes 0/0 precision, recall or F1 equal 0.</summary>
    public static MetricResult F1(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, double threshold, ReadOnlySpan<double> weight)
    {
        var c = Confusion.Count(truth, proba, threshold, weight);
        return c.Total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(F1Score(c.Tp, c.Tp + c.Fp, c.Tp + c.Fn));
    }

    /// <summary>Matthews correlation as sklearn computes it from the confusion matrix; 0 when a marginal is constant.</summary>
    public static MetricResult Mcc(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, double threshold, ReadOnlySpan<double> weight)
    {
        var c = Confusion.Count(truth, proba, threshold, weight);
        if (c.Total == 0)
        {
            return MetricResult.Undefined(Weights.AllZeroReason);
        }

        double true0 = c.Tn + c.Fp, true1 = c.Fn + c.Tp, pred0 = c.Tn + c.Fn, pred1 = c.Fp + c.Tp;
        var n = c.Total;
        var covTruePred = ((c.Tp + c.Tn) * n) - ((true0 * pred0) + (true1 * pred1));
        var covPredPred = (n * n) - ((pred0 * pred0) + (pred1 * pred1));
        var covTrueTrue = (n * n) - ((true0 * true0) + (true1 * true1));
        return covPredPred * covTrueTrue == 0
            ? MetricResult.Of(0.0)
            : MetricResult.Of(covTruePred / Math.Sqrt(covTrueTrue * covPredPred));
    }

    /// <summary>sklearn's F1 from true positives, predicted positives and actual positives, with 0/0 = 0 at each step.</summary>
    internal static double F1Score(double tp, double predicted, double actual)
    {
        var precision = predicted == 0 ? 0.0 : tp / predicted;
        var recall = actual == 0 ? 0.0 : tp / actual;
        var denominator = precision + recall;
        return denominator == 0 ? 0.0 : 2 * precision * recall / denominator;
    }

    /// <summary>Weighted positives and negatives of one tie group; weights are looked up by original row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumGroup(ReadOnlySpan<int> group, ReadOnlySpan<double> weight, out double positives, out double negatives)
    {
        double tp = 0, fp = 0;
        if (weight.IsEmpty)
        {
            var count = 0;
            foreach (var entry in group)
            {
                count += entry & 1;
            }

            tp = count;
            fp = group.Length - count;
        }
        else
        {
            // Branch-free: the truth bit is unpredictable, and multiplying by 0 or 1 is exact.
            foreach (var entry in group)
            {
                var w = weight[entry >> 1];
                var bit = entry & 1;
                tp += bit * w;
                fp += (1 - bit) * w;
            }
        }

        positives = tp;
        negatives = fp;
    }

    private static void CheckWeight(in BinaryRanking r, ReadOnlySpan<double> weight)
    {
        if (!weight.IsEmpty && weight.Length != r.Rows)
        {
            throw new ArgumentException($"weight has {weight.Length} values for {r.Rows} rows.", nameof(weight));
        }
    }

    private readonly record struct Confusion(double Tp, double Fp, double Fn, double Tn)
    {
        public double Total => Tp + Fp + Fn + Tn;

        public static Confusion Count(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, double threshold, ReadOnlySpan<double> weight)
        {
            Weights.CheckLengths(truth.Length, proba.Length, weight, nameof(proba));
            double tp = 0, fp = 0, fn = 0, tn = 0;
            for (var i = 0; i < truth.Length; i++)
            {
                var w = weight.IsEmpty ? 1.0 : weight[i];
                var predicted = proba[i] >= threshold;
                if (truth[i] == 1.0)
                {
                    if (predicted) { tp += w; } else { fn += w; }
                }
                else
                {
                    if (predicted) { fp += w; } else { tn += w; }
                }
            }

            return new Confusion(tp, fp, fn, tn);
        }
    }
}
