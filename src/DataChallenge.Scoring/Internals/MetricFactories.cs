using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>Binds each shape of metric function to the arrays of a data set that it reads.</summary>
internal static class MetricFactories
{
    public delegate MetricResult PairMetric(ReadOnlySpan<double> truth, ReadOnlySpan<double> prediction, ReadOnlySpan<double> weight);

    public delegate MetricResult ThresholdMetric(ReadOnlySpan<double> truth, ReadOnlySpan<double> proba, double threshold, ReadOnlySpan<double> weight);

    public delegate MetricResult ClassMetric(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classCount, ReadOnlySpan<double> weight);

    public delegate MetricResult ColumnsMetric(ReadOnlySpan<double> truth, ReadOnlySpan<double> prediction, int labelCount, ReadOnlySpan<double> weight);

    public delegate MetricResult MaskMetric(IReadOnlyList<RleMask> truth, IReadOnlyList<RleMask> predicted, ReadOnlySpan<double> weight);

    public delegate MetricResult RankedMetric(in BinaryRanking ranking, ReadOnlySpan<double> weight);

    public delegate MetricResult TaggedMetric(ReadOnlySpan<ulong> tagged);

    public delegate MetricResult RankingsMetric(BinaryRanking[] rankings, ReadOnlySpan<double> weight);

    public delegate MetricResult OneVsRestMetric(BinaryRanking[] rankings, ReadOnlySpan<int> truth, ReadOnlySpan<double> weight);

    public static MetricFactory Pair(PairMetric metric) => (d, _) => w => metric(d.Truth, d.Prediction, w);

    public static MetricFactory Thresholded(ThresholdMetric metric) => (d, c) => w => metric(d.Truth, d.Prediction, c.Threshold, w);

    public static MetricFactory ClassLabels(ClassMetric metric) => (d, c) =>
    {
        var classes = c.Classes?.Count ?? 0;
        return w => metric(d.TruthClass, d.PredictionClass, classes, w);
    };

    public static MetricFactory Columns(ColumnsMetric metric) => (d, _) => w => metric(d.Truth, d.Prediction, d.Width, w);

    public static MetricFactory Masks(MaskMetric metric) => (d, _) => w => metric(d.TruthMasks, d.PredictionMasks, w);

    // The sort behind ranking metrics is done once per data set, then reused by every bootstrap resample. Unweighted,
    // the value needs only each tie group's class counts: a sort of tagged keys, with no row carried, gives them in
    // two thirds of the memory and traffic, and the data keeps it for the other ranking metrics and their intervals.
    public static MetricFactory Ranked(RankedMetric metric, TaggedMetric unweighted) => (data, _) =>
    {
        var ranking = new Lazy<BinaryRanking>(() => BinaryRanking.Create(data.Truth, data.Prediction));
        return w =>
        {
            if (w.IsEmpty && !ranking.IsValueCreated && data.TaggedDescending is { } tagged) return unweighted(tagged);
            return metric(ranking.Value, w);
        };
    };

    public static MetricFactory OneVsRest(OneVsRestMetric metric) => (d, _) =>
    {
        var rankings = MulticlassProbaMetrics.OvrRankings(d.TruthClass, d.Prediction, d.PredictionWidth);
        return w => metric(rankings, d.TruthClass, w);
    };

    public static MetricFactory ColumnRankings(RankingsMetric metric) => (d, _) =>
    {
        var rankings = MultilabelMetrics.ColumnRankings(d.Truth, d.Prediction, d.Width);
        return w => metric(rankings, w);
    };

    public static PreparedMetric RocAucMicro(ScoringData data, ScoringConfig config)
    {
        var cells = BinaryRanking.Create(data.Truth, data.Prediction);
        var labels = data.Width;
        return w => MultilabelMetrics.RocAucMicro(in cells, labels, w);
    }

    public static PreparedMetric MulticlassLogLoss(ScoringData data, ScoringConfig config)
    {
        var classes = data.PredictionWidth;
        return w => w.IsEmpty
            ? MulticlassProbaMetrics.LogLoss(data.TruthClass, data.Prediction, classes)
            : MulticlassProbaMetrics.LogLoss(data.TruthClass, data.Prediction, classes, w);
    }

    public static PreparedMetric MulticlassProbaAccuracy(ScoringData data, ScoringConfig config)
    {
        var classes = data.PredictionWidth;
        return w => MulticlassProbaMetrics.Accuracy(data.TruthClass, data.Prediction, classes, w);
    }

    // One-hot cost-matrix tasks have one label column per class.
    public static PreparedMetric OneHotAccuracy(ScoringData data, ScoringConfig config)
    {
        var classes = config.LabelColumns.Count;
        return w => MulticlassLabelMetrics.Accuracy(data.TruthClass, data.PredictionClass, classes, w);
    }

    public static PreparedMetric CostMatrix(ScoringData data, ScoringConfig config)
    {
        var rows = config.CostMatrix ?? [];
        var cost = new double[rows.Count, rows.Count];
        for (var t = 0; t < rows.Count; t++)
        {
            for (var p = 0; p < rows.Count; p++) cost[t, p] = rows[t][p];
        }

        return w => CostMatrixMetrics.Score(data.TruthClass, data.PredictionClass, cost, w);
    }
}
