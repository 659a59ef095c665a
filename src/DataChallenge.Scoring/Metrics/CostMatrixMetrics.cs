namespace DataChallenge.Scoring.Metrics;

/// <summary>Score from a cost matrix indexed [true class, predicted class]: 1 − weighted mean cost, so 1.0 is perfect.</summary>
internal static class CostMatrixMetrics
{
    public static MetricResult Score(ReadOnlySpan<int> truth, ReadOnlySpan<int> pred, double[,] cost, ReadOnlySpan<double> weight)
    {
        ArgumentNullException.ThrowIfNull(cost);
        Weights.CheckLengths(truth.Length, pred.Length, weight, nameof(pred));
        double sum = 0, total = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            sum += w * cost[truth[i], pred[i]];
            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(1 - (sum / total));
    }
}
