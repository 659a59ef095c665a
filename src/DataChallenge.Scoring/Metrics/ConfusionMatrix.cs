namespace DataChallenge.Scoring.Metrics;

/// <summary>A weighted K×K confusion matrix, row = true class, column = predicted class, with its marginals.</summary>
internal sealed class ConfusionMatrix
{
    private readonly double[] _cells;

    private ConfusionMatrix(int classCount, double[] cells)
    {
        ClassCount = classCount;
        _cells = cells;
        TrueTotals = new double[classCount];
        PredictedTotals = new double[classCount];
        for (var t = 0; t < classCount; t++)
        {
            for (var p = 0; p < classCount; p++)
            {
                var v = cells[(t * classCount) + p];
                TrueTotals[t] += v;
                PredictedTotals[p] += v;
                Total += v;
                if (t == p)
                {
                    Trace += v;
                }
            }
        }
    }

    public int ClassCount { get; }
    public double[] TrueTotals { get; }
    public double[] PredictedTotals { get; }
    public double Total { get; }
    public double Trace { get; }

    public double this[int truth, int pred] => _cells[(truth * ClassCount) + pred];

    public static ConfusionMatrix Count(ReadOnlySpan<int> truth, ReadOnlySpan<int> pred, int classCount, ReadOnlySpan<double> weight)
    {
        Weights.CheckLengths(truth.Length, pred.Length, weight, nameof(pred));
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        var cells = new double[classCount * classCount];
        for (var i = 0; i < truth.Length; i++)
        {
            int t = truth[i], p = pred[i];
            if ((uint)t >= (uint)classCount || (uint)p >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(truth), $"Row {i} has class {t} → {p}, outside 0..{classCount - 1}.");
            }

            cells[(t * classCount) + p] += weight.IsEmpty ? 1.0 : weight[i];
        }

        return new ConfusionMatrix(classCount, cells);
    }
}
