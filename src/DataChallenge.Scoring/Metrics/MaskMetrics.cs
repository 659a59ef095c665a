namespace DataChallenge.Scoring.Metrics;

/// <summary>
/// Segmentation metrics on run-length masks, one mask per row, computed from run intersections. Two empty masks
/// agree perfectly: dice and IoU are 1.0.
/// </summary>
internal static class MaskMetrics
{
    /// <summary>Weighted mean over images of 2|A∩B| / (|A| + |B|).</summary>
    public static MetricResult DiceMean(IReadOnlyList<RleMask> truth, IReadOnlyList<RleMask> pred, ReadOnlySpan<double> weight)
    {
        CheckLengths(truth, pred, weight);
        double sum = 0, total = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            if (w == 0)
            {
                continue;
            }

            var sizes = truth[i].Area + pred[i].Area;
            sum += w * (sizes == 0 ? 1.0 : 2.0 * truth[i].IntersectionArea(pred[i]) / sizes);
            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(sum / total);
    }

    /// <summary>Weighted mean over images of |A∩B| / |A∪B|.</summary>
    public static MetricResult IouMean(IReadOnlyList<RleMask> truth, IReadOnlyList<RleMask> pred, ReadOnlySpan<double> weight)
    {
        CheckLengths(truth, pred, weight);
        double sum = 0, total = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            if (w == 0)
            {
                continue;
            }

            var shared = truth[i].IntersectionArea(pred[i]);
            var union = truth[i].Area + pred[i].Area - shared;
            sum += w * (union == 0 ? 1.0 : (double)shared / union);
            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(sum / total);
    }

    /// <summary>Dice of all images pooled: 2 Σ w|A∩B| / Σ w(|A| + |B|); 1.0 when every mask is empty.</summary>
    public static MetricResult DiceGlobal(IReadOnlyList<RleMask> truth, IReadOnlyList<RleMask> pred, ReadOnlySpan<double> weight)
    {
        CheckLengths(truth, pred, weight);
        double shared = 0, sizes = 0, total = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            if (w == 0)
            {
                continue;
            }

            shared += w * truth[i].IntersectionArea(pred[i]);
            sizes += w * (truth[i].Area + pred[i].Area);
            total += w;
        }

        if (total == 0)
        {
            return MetricResult.Undefined(Weights.AllZeroReason);
        }

        return MetricResult.Of(sizes == 0 ? 1.0 : 2.0 * shared / sizes);
    }

    private static void CheckLengths(IReadOnlyList<RleMask> truth, IReadOnlyList<RleMask> pred, ReadOnlySpan<double> weight)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(pred);
        Weights.CheckLengths(truth.Count, pred.Count, weight, nameof(pred));
    }
}
