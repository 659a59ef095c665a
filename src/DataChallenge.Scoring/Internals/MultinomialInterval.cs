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
        var table = new CellTable(data, config, keys, create);
        var probabilities = table.Counts.Select(c => c / (double)data.Rows).ToArray();
        var n = data.Rows;
        var values = Resampling.Run(request, () => new double[table.Counts.Length], (resample, weight) =>
        {
            var random = SplitMixRandom.ForResample(request.Seed, resample);
            Binomial.Multinomial(ref random, n, probabilities, weight);
            return table.Metric(weight).Value ?? double.NaN;
        });
        return Percentile.Interval(values, IntervalMethods.Multinomial);
    };

    /// <summary>
    /// The metric with weighted calls (resamples that draw rows, as the paired comparison's) reduced to a sum of weights
    /// per cell and the metric on one row per cell; the unweighted value is computed as before. The cells are found at
    /// the first weighted call, so scoring without intervals does not pay for them.
    /// </summary>
    public static MetricFactory Collapsed(CellKeys keys, MetricFactory create) => (data, config) =>
    {
        var direct = create(data, config);
        var table = new Lazy<CellTable>(() => new CellTable(data, config, keys, create));
        return w =>
        {
            if (w.IsEmpty) return direct(w);
            var cells = table.Value;
            Span<double> sums = stackalloc double[cells.Counts.Length <= 64 ? cells.Counts.Length : 0];
            var buffer = sums.IsEmpty ? new double[cells.Counts.Length] : sums;
            return cells.Metric(cells.Sum(w, buffer));
        };
    };

    /// <summary>Each row's cell among the cells the data fill, and the metric on one representative row per cell.</summary>
    private sealed class CellTable
    {
        private readonly int[] _cellOfRow;

        public CellTable(ScoringData data, ScoringConfig config, CellKeys keys, MetricFactory create)
        {
            var (cells, cellOfRow) = keys(data, config);
            var counts = new int[cells];
            var representative = new int[cells];
            for (var row = cellOfRow.Length - 1; row >= 0; row--)
            {
                counts[cellOfRow[row]]++;
                representative[cellOfRow[row]] = row;
            }

            // Empty cells are dropped and the rest renumbered, so a resample draws only over cells that exist.
            var used = Enumerable.Range(0, cells).Where(c => counts[c] > 0).ToArray();
            var index = new int[cells];
            for (var u = 0; u < used.Length; u++) index[used[u]] = u;
            for (var row = 0; row < cellOfRow.Length; row++) cellOfRow[row] = index[cellOfRow[row]];
            _cellOfRow = cellOfRow;
            Counts = used.Select(c => counts[c]).ToArray();
            Metric = create(data.Gather(used.Select(c => representative[c]).ToArray()), config);
        }

        public int[] Counts { get; }

        /// <summary>The metric on the representative rows, each weighted by its cell's total.</summary>
        public PreparedMetric Metric { get; }

        public ReadOnlySpan<double> Sum(ReadOnlySpan<double> weight, Span<double> sums)
        {
            sums.Clear();
            var cellOfRow = _cellOfRow;
            for (var row = 0; row < cellOfRow.Length; row++) sums[cellOfRow[row]] += weight[row];
            return sums;
        }
    }

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
