namespace DataChallenge.Scoring.Metrics;

/// <summary>
/// Multiclass metrics on class probabilities (row-major, rows × classCount), scikit-learn 1.2 semantics with
/// labels = range(classCount). Rows are assumed to sum to 1; input validation enforces that before scoring.
/// </summary>
internal static class MulticlassProbaMetrics
{
    /// <summary>sklearn log_loss: each probability clipped to [eps, 1 − eps], then the row renormalised.</summary>
    public static MetricResult LogLoss(ReadOnlySpan<int> truth, ReadOnlySpan<double> proba, int classCount, ReadOnlySpan<double> weight)
    {
        CheckShape(truth, proba, classCount, weight);
        double sum = 0, total = 0;
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
            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(sum / total);
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

    /// <summary>sklearn raises when any class is absent from the truth; we report that class instead.</summary>
    private static MetricResult RocAucOvr(ReadOnlySpan<int> truth, ReadOnlySpan<double> proba, int classCount, ReadOnlySpan<double> weight, bool byPrevalence)
    {
        CheckShape(truth, proba, classCount, weight);
        var n = truth.Length;
        var binaryTruth = new double[n];
        var column = new double[n];
        double sum = 0, prevalenceTotal = 0;
        for (var c = 0; c < classCount; c++)
        {
            double prevalence = 0;
            for (var i = 0; i < n; i++)
            {
                var positive = truth[i] == c;
                binaryTruth[i] = positive ? 1.0 : 0.0;
                column[i] = proba[(i * classCount) + c];
                if (positive)
                {
                    prevalence += weight.IsEmpty ? 1.0 : weight[i];
                }
            }

            var auc = BinaryMetrics.RocAuc(binaryTruth, column, weight);
            if (auc.Value is not { } value)
            {
                return MetricResult.Undefined($"one-vs-rest ROC AUC is undefined for class {c}: {auc.UndefinedReason}");
            }

            sum += byPrevalence ? prevalence * value : value;
            prevalenceTotal += prevalence;
        }

        return MetricResult.Of(byPrevalence ? sum / prevalenceTotal : sum / classCount);
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
