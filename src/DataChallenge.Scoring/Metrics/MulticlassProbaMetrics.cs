namespace DataChallenge.Scoring.Metrics;

/// <summary>
/// Multiclass metrics on class probabilities (row-major, rows × classCount), scikit-learn 1.2 semantics with
/// labels = range(classCount). Rows are assumed to sum to 1; input validation enforces that before scoring.
/// </summary>
internal static class MulticlassProbaMetrics
{
    private const int MinParallelRows = 1 << 16;

    /// <summary>sklearn log_loss: each probability clipped to [eps, 1 − eps], then the row renormalised.</summary>
    public static MetricResult LogLoss(ReadOnlySpan<int> truth, ReadOnlySpan<double> proba, int classCount, ReadOnlySpan<double> weight)
    {
        CheckShape(truth, proba, classCount, weight);
        if (weight.IsEmpty)
        {
            var half = truth.Length / 2;
            var first = LossSum(truth[..half], proba[..(half * classCount)], classCount, []);
            var second = LossSum(truth[half..], proba[(half * classCount)..], classCount, []);
            return Unweighted(first, second, truth.Length);
        }

        var sum = LossSum(truth, proba, classCount, weight);
        var total = 0.0;
        foreach (var w in weight) total += w;
        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(sum / total);
    }

    /// <summary>
    /// The unweighted <see cref="LogLoss(ReadOnlySpan{int}, ReadOnlySpan{double}, int, ReadOnlySpan{double})"/>, its two
    /// halves summed on two cores: the same value to the last bit, as the halves' sums are added in the same order.
    /// </summary>
    public static MetricResult LogLoss(int[] truth, double[] proba, int classCount)
    {
        if (truth.Length < MinParallelRows) return LogLoss(truth, proba, classCount, []);
        CheckShape(truth, proba, classCount, []);
        var half = truth.Length / 2;
        double first = 0, second = 0;
        Parallel.Invoke(
            () => first = LossSum(truth.AsSpan(0, half), proba.AsSpan(0, half * classCount), classCount, []),
            () => second = LossSum(truth.AsSpan(half), proba.AsSpan(half * classCount), classCount, []));
        return Unweighted(first, second, truth.Length);
    }

    private static MetricResult Unweighted(double first, double second, int rows)
        => rows == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of((first + second) / rows);

    private static double LossSum(ReadOnlySpan<int> truth, ReadOnlySpan<double> proba, int classCount, ReadOnlySpan<double> weight)
    {
        double sum = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var row = proba.Slice(i * classCount, classCount);
            double rowSum = 0;
            foreach (var p in row)
            {
                rowSum += Math.Clamp(p, BinaryMetrics.Eps, 1 - BinaryMetrics.Eps);
            }

            var w = weight.IsEmpty ? 1.0 : weight[i];
            sum += w * -Math.Log(Math.Clamp(row[truth[i]], BinaryMetrics.Eps, 1 - BinaryMetrics.Eps) / rowSum);
        }

        return sum;
    }

    /// <summary>Argmax prediction; on a tie the first class in index order wins, as numpy's argmax.</summary>
    public static MetricResult Accuracy(ReadOnlySpan<int> truth, ReadOnlySpan<double> proba, int classCount, ReadOnlySpan<double> weight)
    {
        CheckShape(truth, proba, classCount, weight);
        double correct = 0, total = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            if (ArgMax(proba.Slice(i * classCount, classCount)) == truth[i])
            {
                correct += w;
            }

            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(correct / total);
    }

    /// <summary>One-vs-rest ROC AUC, unweighted mean over classes.</summary>
    public static MetricResult RocAucOvrMacro(ReadOnlySpan<int> truth, ReadOnlySpan<double> proba, int classCount, ReadOnlySpan<double> weight)
        => RocAucOvr(truth, proba, classCount, weight, byPrevalence: false);

    /// <summary>One-vs-rest ROC AUC, mean over classes weighted by their (weighted) number of true rows.</summary>
    public static MetricResult RocAucOvrWeighted(ReadOnlySpan<int> truth, ReadOnlySpan<double> proba, int classCount, ReadOnlySpan<double> weight)
        => RocAucOvr(truth, proba, classCount, weight, byPrevalence: true);

    internal static int ArgMax(ReadOnlySpan<double> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (row[c] > row[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>
    /// One ranking per class, for callers that score many weightings of the same rows (bootstrap): each later
    /// call is O(n · classCount) instead of sorting every column again. Costs about 9 bytes per row and class.
    /// </summary>
    public static BinaryRanking[] OvrRankings(ReadOnlySpan<int> truth, ReadOnlySpan<double> proba, int classCount)
    {
        CheckShape(truth, proba, classCount, []);
        var rankings = new BinaryRanking[classCount];
        var binaryTruth = new double[truth.Length];
        var column = new double[truth.Length];
        for (var c = 0; c < classCount; c++)
        {
            FillColumn(truth, proba, classCount, c, binaryTruth, column);
            rankings[c] = BinaryRanking.Create(binaryTruth, column);
        }

        return rankings;
    }

    /// <summary><see cref="RocAucOvrMacro(ReadOnlySpan{int}, ReadOnlySpan{double}, int, ReadOnlySpan{double})"/> from prepared rankings.</summary>
    public static MetricResult RocAucOvrMacro(BinaryRanking[] rankings, ReadOnlySpan<int> truth, ReadOnlySpan<double> weight)
        => RocAucOvr(rankings, truth, weight, byPrevalence: false);

    /// <summary><see cref="RocAucOvrWeighted(ReadOnlySpan{int}, ReadOnlySpan{double}, int, ReadOnlySpan{double})"/> from prepared rankings.</summary>
    public static MetricResult RocAucOvrWeighted(BinaryRanking[] rankings, ReadOnlySpan<int> truth, ReadOnlySpan<double> weight)
        => RocAucOvr(rankings, truth, weight, byPrevalence: true);

    private static MetricResult RocAucOvr(BinaryRanking[] rankings, ReadOnlySpan<int> truth, ReadOnlySpan<double> weight, bool byPrevalence)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        var prevalence = Prevalence(truth, rankings.Length, weight);
        var scores = new MetricResult[rankings.Length];
        for (var c = 0; c < rankings.Length; c++)
        {
            scores[c] = BinaryMetrics.RocAuc(in rankings[c], weight);
        }

        return Average(scores, prevalence, byPrevalence);
    }

    /// <summary>sklearn raises when any class is absent from the truth; we report that class instead.</summary>
    private static MetricResult RocAucOvr(ReadOnlySpan<int> truth, ReadOnlySpan<double> proba, int classCount, ReadOnlySpan<double> weight, bool byPrevalence)
    {
        CheckShape(truth, proba, classCount, weight);
        var binaryTruth = new double[truth.Length];
        var column = new double[truth.Length];
        var scores = new MetricResult[classCount];
        for (var c = 0; c < classCount; c++)
        {
            FillColumn(truth, proba, classCount, c, binaryTruth, column);
            scores[c] = BinaryMetrics.RocAuc(binaryTruth, column, weight);
        }

        return Average(scores, Prevalence(truth, classCount, weight), byPrevalence);
    }

    /// <summary>
    /// A class absent from the truth makes sklearn raise, so it is undefined here. In the weighted average a class
    /// whose rows all weigh zero is left out, as sklearn forces zero-weight scores to 0 before averaging.
    /// </summary>
    private static MetricResult Average(MetricResult[] scores, ClassTotals totals, bool byPrevalence)
    {
        double sum = 0, prevalenceTotal = 0;
        for (var c = 0; c < scores.Length; c++)
        {
            if (totals.Rows[c] == 0)
            {
                return MetricResult.Undefined($"one-vs-rest ROC AUC is undefined: class {c} never occurs in the truth");
            }

            if (byPrevalence && totals.Weight[c] == 0)
            {
                continue;
            }

            if (scores[c].Value is not { } value)
            {
                return MetricResult.Undefined($"one-vs-rest ROC AUC is undefined for class {c}: {scores[c].UndefinedReason}");
            }

            sum += byPrevalence ? totals.Weight[c] * value : value;
            prevalenceTotal += totals.Weight[c];
        }

        if (byPrevalence && prevalenceTotal == 0)
        {
            return MetricResult.Undefined(Weights.AllZeroReason);
        }

        return MetricResult.Of(byPrevalence ? sum / prevalenceTotal : sum / scores.Length);
    }

    /// <summary>Rows of each class, and their weight (the weights of the "weighted" average).</summary>
    private readonly record struct ClassTotals(int[] Rows, double[] Weight);

    private static ClassTotals Prevalence(ReadOnlySpan<int> truth, int classCount, ReadOnlySpan<double> weight)
    {
        Weights.CheckLengths(truth.Length, truth.Length, weight, nameof(truth));
        var rows = new int[classCount];
        var prevalence = new double[classCount];
        for (var i = 0; i < truth.Length; i++)
        {
            rows[truth[i]]++;
            prevalence[truth[i]] += weight.IsEmpty ? 1.0 : weight[i];
        }

        return new ClassTotals(rows, prevalence);
    }

    private static void FillColumn(ReadOnlySpan<int> truth, ReadOnlySpan<double> proba, int classCount, int c, double[] binaryTruth, double[] column)
    {
        for (var i = 0; i < truth.Length; i++)
        {
            binaryTruth[i] = truth[i] == c ? 1.0 : 0.0;
            column[i] = proba[(i * classCount) + c];
        }
    }

    private static void CheckShape(ReadOnlySpan<int> truth, ReadOnlySpan<double> proba, int classCount, ReadOnlySpan<double> weight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        Weights.CheckLengths(truth.Length, proba.Length / classCount, weight, nameof(proba));
        if (proba.Length != truth.Length * classCount)
        {
            throw new ArgumentException($"proba has {proba.Length} values for {truth.Length} rows of {classCount} classes.", nameof(proba));
        }

        foreach (var t in truth)
        {
            if ((uint)t >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(truth), $"Class {t} is outside 0..{classCount - 1}.");
            }
        }
    }
}
