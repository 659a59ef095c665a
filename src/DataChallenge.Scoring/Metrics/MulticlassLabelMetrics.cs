namespace DataChallenge.Scoring.Metrics;

/// <summary>
/// Multiclass metrics on predicted labels, scikit-learn 1.2 semantics with labels = range(classCount).
/// Passing every configured class (rather than sklearn's default of the classes seen in truth or prediction) means a
/// class absent from both counts as F1 0 in the macro mean and still spaces the classes for weighted kappa, so the
/// score does not depend on which classes a resample happens to contain.
/// </summary>
internal static class MulticlassLabelMetrics
{
    public static MetricResult Accuracy(ReadOnlySpan<int> truth, ReadOnlySpan<int> pred, int classCount, ReadOnlySpan<double> weight)
    {
        var m = ConfusionMatrix.Count(truth, pred, classCount, weight);
        return m.Total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(m.Trace / m.Total);
    }

    /// <summary>Mean recall over the classes present in the truth (sklearn drops classes only predicted, with a warning).</summary>
    public static MetricResult BalancedAccuracy(ReadOnlySpan<int> truth, ReadOnlySpan<int> pred, int classCount, ReadOnlySpan<double> weight)
    {
        var m = ConfusionMatrix.Count(truth, pred, classCount, weight);
        double sum = 0;
        var present = 0;
        for (var c = 0; c < classCount; c++)
        {
            if (m.TrueTotals[c] != 0)
            {
                sum += m[c, c] / m.TrueTotals[c];
                present++;
            }
        }

        return present == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(sum / present);
    }

    public static MetricResult F1Macro(ReadOnlySpan<int> truth, ReadOnlySpan<int> pred, int classCount, ReadOnlySpan<double> weight)
    {
        var m = ConfusionMatrix.Count(truth, pred, classCount, weight);
        if (m.Total == 0)
        {
            return MetricResult.Undefined(Weights.AllZeroReason);
        }

        double sum = 0;
        for (var c = 0; c < classCount; c++)
        {
            sum += BinaryMetrics.F1Score(m[c, c], m.PredictedTotals[c], m.TrueTotals[c]);
        }

        return MetricResult.Of(sum / classCount);
    }

    /// <summary>With every class counted, micro precision and recall both equal accuracy.</summary>
    public static MetricResult F1Micro(ReadOnlySpan<int> truth, ReadOnlySpan<int> pred, int classCount, ReadOnlySpan<double> weight)
    {
        var m = ConfusionMatrix.Count(truth, pred, classCount, weight);
        return m.Total == 0
            ? MetricResult.Undefined(Weights.AllZeroReason)
            : MetricResult.Of(BinaryMetrics.F1Score(m.Trace, m.Total, m.Total));
    }

    /// <summary>Per-class F1 averaged with the (weighted) number of true rows of each class.</summary>
    public static MetricResult F1Weighted(ReadOnlySpan<int> truth, ReadOnlySpan<int> pred, int classCount, ReadOnlySpan<double> weight)
    {
        var m = ConfusionMatrix.Count(truth, pred, classCount, weight);
        if (m.Total == 0)
        {
            return MetricResult.Undefined(Weights.AllZeroReason);
        }

        double sum = 0;
        for (var c = 0; c < classCount; c++)
        {
            sum += m.TrueTotals[c] * BinaryMetrics.F1Score(m[c, c], m.PredictedTotals[c], m.TrueTotals[c]);
        }

        return MetricResult.Of(sum / m.Total);
    }

    public static MetricResult CohenKappa(ReadOnlySpan<int> truth, ReadOnlySpan<int> pred, int classCount, ReadOnlySpan<double> weight)
        => Kappa(ConfusionMatrix.Count(truth, pred, classCount, weight), KappaWeighting.None);

    public static MetricResult LinearWeightedKappa(ReadOnlySpan<int> truth, ReadOnlySpan<int> pred, int classCount, ReadOnlySpan<double> weight)
        => Kappa(ConfusionMatrix.Count(truth, pred, classCount, weight), KappaWeighting.Linear);

    public static MetricResult QuadraticWeightedKappa(ReadOnlySpan<int> truth, ReadOnlySpan<int> pred, int classCount, ReadOnlySpan<double> weight)
        => Kappa(ConfusionMatrix.Count(truth, pred, classCount, weight), KappaWeighting.Quadratic);

    private enum KappaWeighting
    {
        None,
        Linear,
        Quadratic,
    }

    /// <summary>sklearn cohen_kappa_score: 1 − Σ w·observed / Σ w·expected, expected from the outer product of marginals.</summary>
    private static MetricResult Kappa(ConfusionMatrix m, KappaWeighting weighting)
    {
        if (m.Total == 0)
        {
            return MetricResult.Undefined(Weights.AllZeroReason);
        }

        double observed = 0, expected = 0;
        for (var t = 0; t < m.ClassCount; t++)
        {
            for (var p = 0; p < m.ClassCount; p++)
            {
                var distance = Math.Abs(t - p);
                double w = weighting switch
                {
                    KappaWeighting.None => distance == 0 ? 0 : 1,
                    KappaWeighting.Linear => distance,
                    _ => distance * distance,
                };
                observed += w * m[t, p];
                expected += w * (m.PredictedTotals[t] * m.TrueTotals[p] / m.Total);
            }
        }

        return expected == 0
            ? MetricResult.Undefined("kappa is undefined: truth and prediction both use a single class, so no disagreement is expected by chance")
            : MetricResult.Of(1 - (observed / expected));
    }
}
