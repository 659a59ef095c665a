namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Percentile bootstrap of a metric that reads only a confusion matrix. A row resample changes nothing but the cell
/// counts, and those counts are one multinomial draw, so each resample costs a few binomial variates instead of a
/// pass over the rows. The metric itself is evaluated on one representative row per cell weighted by its count.
/// </summary>
internal static class MultinomialInterval
{
    /// <summary>The number of cells and each row's cell; two rows in one cell must count the same for the metric.</summary>
    public delegate (int Cells, int[] CellOfRow) CellKeys(ScoringData data, ScoringConfig config);

    public static IntervalFactory Of(CellKeys keys) => (data, config, create, request) =>
    {
        if (data.Rows == 0 || request.Resamples <= 0) return null;
        var (cells, cellOfRow) = keys(data, config);
        var counts = new int[cells];
        var representative = new int[cells];
        for (var row = cellOfRow.Length - 1; row >= 0; row--)
        {
            counts[cellOfRow[row]]++;
            representative[cellOfRow[row]] = row;
        }

        var used = Enumerable.Range(0, cells).Where(c => counts[c] > 0).ToArray();
        var metric = create(data.Gather(used.Select(c => representative[c]).ToArray()), config);
        var probabilities = used.Select(c => counts[c] / (double)data.Rows).ToArray();
        var n = data.Rows;
        var values = Resampling.Run(request, () => new double[used.Length], (resample, weight) =>
        {
            var random = SplitMixRandom.ForResample(request.Seed, resample);
            Binomial.Multinomial(ref random, n, probabilities, weight);
            return metric(weight).Value ?? double.NaN;
        });
        return Percentile.Interval(values, IntervalMethods.Multinomial);
    };

    /// <summary>Binary decisions at the threshold: truth × decision, four cells.</summary>
    public static (int, int[]) Thresholded(ScoringData data, ScoringConfig config)
    {
        var cell = new int[data.Rows];
        for (var i = 0; i < cell.Length; i++)
            cell[i] = (data.Truth[i] == 1.0 ? 2 : 0) + (data.Prediction[i] >= config.Threshold ? 1 : 0);
        return (4, cell);
    }

    /// <summary>True class × predicted class.</summary>
    public static (int, int[]) ClassPairs(ScoringData data, ScoringConfig config)
    {
        var classes = 1 + Math.Max(data.TruthClass.DefaultIfEmpty().Max(), data.PredictionClass.DefaultIfEmpty().Max());
        var cell = new int[data.Rows];
        for (var i = 0; i < cell.Length; i++) cell[i] = (data.TruthClass[i] * classes) + data.PredictionClass[i];
        return (classes * classes, cell);
    }

    /// <summary>True class × the class of highest probability, as the accuracy of probabilities decides.</summary>
    public static (int, int[]) ArgMaxPairs(ScoringData data, ScoringConfig config)
    {
        var classes = data.PredictionWidth;
        var cell = new int[data.Rows];
        for (var i = 0; i < cell.Length; i++)
            cell[i] = (data.TruthClass[i] * classes) + Metrics.MulticlassProbaMetrics.ArgMax(data.Prediction.AsSpan(i * classes, classes));
        return (classes * classes, cell);
    }
}
