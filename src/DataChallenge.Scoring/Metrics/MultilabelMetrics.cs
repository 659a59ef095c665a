namespace DataChallenge.Scoring.Metrics;

/// <summary>
/// Multilabel metrics with scikit-learn 1.2 semantics. Truth and prediction are row-major rows × labelCount;
/// label metrics read any non-zero prediction as "label set", proba metrics read probabilities.
/// </summary>
internal static class MultilabelMetrics
{
    public static MetricResult SubsetAccuracy(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, int labelCount, ReadOnlySpan<double> weight)
    {
        var rows = CheckShape(truth, pred, labelCount, weight);
        double correct = 0, total = 0;
        for (var i = 0; i < rows; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            var offset = i * labelCount;
            var same = true;
            for (var l = 0; l < labelCount && same; l++)
            {
                same = (truth[offset + l] != 0) == (pred[offset + l] != 0);
            }

            correct += same ? w : 0;
            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(correct / total);
    }

    /// <summary>Weighted share of wrong cells: sklearn divides by rows × labels × mean weight.</summary>
    public static MetricResult HammingLoss(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, int labelCount, ReadOnlySpan<double> weight)
    {
        var rows = CheckShape(truth, pred, labelCount, weight);
        double wrong = 0, total = 0;
        for (var i = 0; i < rows; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            var offset = i * labelCount;
            var differences = 0;
            for (var l = 0; l < labelCount; l++)
            {
                differences += (truth[offset + l] != 0) == (pred[offset + l] != 0) ? 0 : 1;
            }

            wrong += w * differences;
            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(wrong / (total * labelCount));
    }

    public static MetricResult F1Micro(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, int labelCount, ReadOnlySpan<double> weight)
    {
        var c = LabelCounts.Count(truth, pred, labelCount, weight);
        if (c.TotalWeight == 0)
        {
            return MetricResult.Undefined(Weights.AllZeroReason);
        }

        double tp = 0, predicted = 0, actual = 0;
        for (var l = 0; l < labelCount; l++)
        {
            tp += c.TruePositives[l];
            predicted += c.Predicted[l];
            actual += c.Actual[l];
        }

        return MetricResult.Of(BinaryMetrics.F1Score(tp, predicted, actual));
    }

    /// <summary>Unweighted mean of per-label F1 over every label; a label never set nor predicted counts 0 (zero_division).</summary>
    public static MetricResult F1Macro(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, int labelCount, ReadOnlySpan<double> weight)
    {
        var c = LabelCounts.Count(truth, pred, labelCount, weight);
        if (c.TotalWeight == 0)
        {
            return MetricResult.Undefined(Weights.AllZeroReason);
        }

        double sum = 0;
        for (var l = 0; l < labelCount; l++)
        {
            sum += BinaryMetrics.F1Score(c.TruePositives[l], c.Predicted[l], c.Actual[l]);
        }

        return MetricResult.Of(sum / labelCount);
    }

    /// <summary>Per-label F1 weighted by the label's support; no label set anywhere gives 0, as sklearn.</summary>
    public static MetricResult F1Weighted(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, int labelCount, ReadOnlySpan<double> weight)
    {
        var c = LabelCounts.Count(truth, pred, labelCount, weight);
        if (c.TotalWeight == 0)
        {
            return MetricResult.Undefined(Weights.AllZeroReason);
        }

        double sum = 0, support = 0;
        for (var l = 0; l < labelCount; l++)
        {
            sum += c.Actual[l] * BinaryMetrics.F1Score(c.TruePositives[l], c.Predicted[l], c.Actual[l]);
            support += c.Actual[l];
        }

        return MetricResult.Of(support == 0 ? 0.0 : sum / support);
    }

    /// <summary>F1 of each row's label set, weighted mean over rows; a row with nothing set nor predicted counts 0.</summary>
    public static MetricResult F1Samples(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, int labelCount, ReadOnlySpan<double> weight)
        => PerRow(truth, pred, labelCount, weight, jaccard: false);

    /// <summary>|T ∩ P| / |T ∪ P| of each row, weighted mean over rows; a row with both sets empty counts 0.</summary>
    public static MetricResult JaccardSamples(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, int labelCount, ReadOnlySpan<double> weight)
        => PerRow(truth, pred, labelCount, weight, jaccard: true);

    /// <summary>Binary ROC AUC of each label, unweighted mean; undefined when any label has a single class in the truth.</summary>
    public static MetricResult RocAucMacro(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, int labelCount, ReadOnlySpan<double> weight)
        => PerColumnMean(truth, proba, labelCount, weight, "ROC AUC", static (t, p, w) => BinaryMetrics.RocAuc(t, p, w));

    /// <summary>Average precision of each label, unweighted mean; undefined when a label is never set (sklearn would count it 0).</summary>
    public static MetricResult AveragePrecisionMacro(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, int labelCount, ReadOnlySpan<double> weight)
        => PerColumnMean(truth, proba, labelCount, weight, "average precision", static (t, p, w) => BinaryMetrics.AveragePrecision(t, p, w));

    /// <summary>
    /// One ranking per label column, for callers that score many weightings of the same rows (bootstrap).
    /// Costs about 9 bytes per row and label.
    /// </summary>
    public static BinaryRanking[] ColumnRankings(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, int labelCount)
    {
        var rows = CheckShape(truth, proba, labelCount, []);
        var rankings = new BinaryRanking[labelCount];
        var columnTruth = new double[rows];
        var columnProba = new double[rows];
        for (var l = 0; l < labelCount; l++)
        {
            FillColumn(truth, proba, labelCount, l, columnTruth, columnProba);
            rankings[l] = BinaryRanking.Create(columnTruth, columnProba);
        }

        return rankings;
    }

    /// <summary><see cref="RocAucMacro(ReadOnlySpan{double}, ReadOnlySpan{double}, int, ReadOnlySpan{double})"/> from prepared rankings.</summary>
    public static MetricResult RocAucMacro(BinaryRanking[] rankings, ReadOnlySpan<double> weight)
        => RankedColumnMean(rankings, weight, "ROC AUC", static (in BinaryRanking r, ReadOnlySpan<double> w) => BinaryMetrics.RocAuc(in r, w));

    /// <summary><see cref="AveragePrecisionMacro(ReadOnlySpan{double}, ReadOnlySpan{double}, int, ReadOnlySpan{double})"/> from prepared rankings.</summary>
    public static MetricResult AveragePrecisionMacro(BinaryRanking[] rankings, ReadOnlySpan<double> weight)
        => RankedColumnMean(rankings, weight, "average precision", static (in BinaryRanking r, ReadOnlySpan<double> w) => BinaryMetrics.AveragePrecision(in r, w));

    /// <summary>Mean over labels of the binary log loss (labels [0, 1]) of each column.</summary>
    public static MetricResult MeanColumnLogLoss(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, int labelCount, ReadOnlySpan<double> weight)
    {
        var rows = CheckShape(truth, proba, labelCount, weight);
        var sums = new double[labelCount];
        double total = 0;
        for (var i = 0; i < rows; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            var offset = i * labelCount;
            for (var l = 0; l < labelCount; l++)
            {
                sums[l] += w * BinaryMetrics.RowLogLoss(truth[offset + l] != 0, proba[offset + l]);
            }

            total += w;
        }

        if (total == 0)
        {
            return MetricResult.Undefined(Weights.AllZeroReason);
        }

        double mean = 0;
        foreach (var s in sums)
        {
            mean += s / total;
        }

        return MetricResult.Of(mean / labelCount);
    }

    /// <summary>Every cell as one binary problem; each row's weight applies to all its cells.</summary>
    public static MetricResult RocAucMicro(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, int labelCount, ReadOnlySpan<double> weight)
    {
        CheckShape(truth, proba, labelCount, weight);
        var cells = BinaryRanking.Create(truth, proba);
        return RocAucMicro(in cells, labelCount, weight);
    }

    /// <summary>
    /// <see cref="RocAucMicro(ReadOnlySpan{double}, ReadOnlySpan{double}, int, ReadOnlySpan{double})"/> from a ranking
    /// of all cells, <c>BinaryRanking.Create(truth, proba)</c> on the row-major arrays; weight is per row.
    /// </summary>
    public static MetricResult RocAucMicro(in BinaryRanking cells, int labelCount, ReadOnlySpan<double> weight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(labelCount, 1);
        if (weight.IsEmpty)
        {
            return BinaryMetrics.RocAuc(in cells, []);
        }

        Weights.CheckLengths(cells.Rows / labelCount, weight.Length, [], nameof(weight));
        var cellWeight = new double[cells.Rows];
        for (var i = 0; i < weight.Length; i++)
        {
            cellWeight.AsSpan(i * labelCount, labelCount).Fill(weight[i]);
        }

        return BinaryMetrics.RocAuc(in cells, cellWeight);
    }

    private delegate MetricResult RankedColumnMetric(in BinaryRanking ranking, ReadOnlySpan<double> weight);

    private static MetricResult RankedColumnMean(BinaryRanking[] rankings, ReadOnlySpan<double> weight, string name, RankedColumnMetric metric)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        double sum = 0;
        for (var l = 0; l < rankings.Length; l++)
        {
            var result = metric(in rankings[l], weight);
            if (result.Value is not { } value)
            {
                return MetricResult.Undefined($"{name} is undefined for label column {l + 1}: {result.UndefinedReason}");
            }

            sum += value;
        }

        return MetricResult.Of(sum / rankings.Length);
    }

    private static void FillColumn(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, int labelCount, int l, double[] columnTruth, double[] columnProba)
    {
        for (var i = 0; i < columnTruth.Length; i++)
        {
            columnTruth[i] = truth[(i * labelCount) + l] != 0 ? 1.0 : 0.0;
            columnProba[i] = proba[(i * labelCount) + l];
        }
    }

    private delegate MetricResult ColumnMetric(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, ReadOnlySpan<double> weight);

    private static MetricResult PerColumnMean(
        ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, int labelCount, ReadOnlySpan<double> weight, string name, ColumnMetric metric)
    {
        var rows = CheckShape(truth, proba, labelCount, weight);
        var columnTruth = new double[rows];
        var columnProba = new double[rows];
        double sum = 0;
        for (var l = 0; l < labelCount; l++)
        {
            FillColumn(truth, proba, labelCount, l, columnTruth, columnProba);
            var result = metric(columnTruth, columnProba, weight);
            if (result.Value is not { } value)
            {
                return MetricResult.Undefined($"{name} is undefined for label column {l + 1}: {result.UndefinedReason}");
            }

            sum += value;
        }

        return MetricResult.Of(sum / labelCount);
    }

    private static MetricResult PerRow(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, int labelCount, ReadOnlySpan<double> weight, bool jaccard)
    {
        var rows = CheckShape(truth, pred, labelCount, weight);
        double sum = 0, total = 0;
        for (var i = 0; i < rows; i++)
        {
            var offset = i * labelCount;
            int tp = 0, predicted = 0, actual = 0;
            for (var l = 0; l < labelCount; l++)
            {
                var t = truth[offset + l] != 0;
                var p = pred[offset + l] != 0;
                tp += t && p ? 1 : 0;
                predicted += p ? 1 : 0;
                actual += t ? 1 : 0;
            }

            double score;
            if (jaccard)
            {
                var union = predicted + actual - tp;
                score = union == 0 ? 0.0 : (double)tp / union;
            }
            else
            {
                score = BinaryMetrics.F1Score(tp, predicted, actual);
            }

            var w = weight.IsEmpty ? 1.0 : weight[i];
            sum += w * score;
            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(sum / total);
    }

    private static int CheckShape(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, int labelCount, ReadOnlySpan<double> weight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(labelCount, 1);
        if (truth.Length % labelCount != 0 || pred.Length != truth.Length)
        {
            throw new ArgumentException($"truth has {truth.Length} and pred {pred.Length} values; both must be rows × {labelCount} labels.", nameof(pred));
        }

        var rows = truth.Length / labelCount;
        Weights.CheckLengths(rows, rows, weight, nameof(truth));
        return rows;
    }

    /// <summary>Weighted per-label true positives, predicted positives and actual positives.</summary>
    private sealed class LabelCounts
    {
        private LabelCounts(int labelCount)
        {
            TruePositives = new double[labelCount];
            Predicted = new double[labelCount];
            Actual = new double[labelCount];
        }

        public double[] TruePositives { get; }
        public double[] Predicted { get; }
        public double[] Actual { get; }
        public double TotalWeight { get; private set; }

        public static LabelCounts Count(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, int labelCount, ReadOnlySpan<double> weight)
        {
            var rows = CheckShape(truth, pred, labelCount, weight);
            var c = new LabelCounts(labelCount);
            for (var i = 0; i < rows; i++)
            {
                var w = weight.IsEmpty ? 1.0 : weight[i];
                var offset = i * labelCount;
                for (var l = 0; l < labelCount; l++)
                {
                    var t = truth[offset + l] != 0;
                    var p = pred[offset + l] != 0;
                    c.TruePositives[l] += t && p ? w : 0;
                    c.Predicted[l] += p ? w : 0;
                    c.Actual[l] += t ? w : 0;
                }

                c.TotalWeight += w;
            }

            return c;
        }
    }
}
