using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>Truth and predictions aligned by id, in the labels file's row order, in the shapes the metrics take.</summary>
internal sealed class ScoringData
{
    public required int Rows { get; init; }

    /// <summary>Numeric truth, rows × <see cref="Width"/> (binary, regression, multilabel).</summary>
    public double[] Truth { get; init; } = [];

    /// <summary>Class index of the truth (multiclass, cost matrix).</summary>
    public int[] TruthClass { get; init; } = [];

    /// <summary>Numeric predictions, rows × <see cref="PredictionWidth"/> (probabilities or values).</summary>
    public double[] Prediction { get; init; } = [];

    /// <summary>Predicted class index (multiclass labels, cost matrix).</summary>
    public int[] PredictionClass { get; init; } = [];

    public RleMask[] TruthMasks { get; init; } = [];
    public RleMask[] PredictionMasks { get; init; } = [];

    public int Width { get; init; }
    public int PredictionWidth { get; init; }

    /// <summary>
    /// Binary rows' scores sorted once, with the class bit beside each (<see cref="ScoreSort.DescendingTagged"/>), for
    /// every ranking metric and interval of this data; null when a score is negative.
    /// </summary>
    public ulong[]? TaggedDescending => _taggedSorted ? _tagged : SortTagged();

    /// <summary>Binary rows' tie groups in descending score order, for the ranking intervals.</summary>
    public TieGroups RankGroups => _rankGroups ??= TieGroups.Of(this);

    private ulong[]? _tagged;
    private bool _taggedSorted;
    private TieGroups? _rankGroups;

    private ulong[]? SortTagged()
    {
        _tagged = ScoreSort.DescendingTagged(Prediction, Truth);
        _taggedSorted = true;
        return _tagged;
    }

    /// <summary>The rows listed, in that order; used for splits and groups.</summary>
    public ScoringData Gather(ReadOnlySpan<int> rows) => new()
    {
        Rows = rows.Length,
        Truth = Pick(Truth, rows, Width),
        TruthClass = Pick(TruthClass, rows, 1),
        Prediction = Pick(Prediction, rows, PredictionWidth),
        PredictionClass = Pick(PredictionClass, rows, 1),
        TruthMasks = Pick(TruthMasks, rows, 1),
        PredictionMasks = Pick(PredictionMasks, rows, 1),
        Width = Width,
        PredictionWidth = PredictionWidth,
    };

    private static T[] Pick<T>(T[] source, ReadOnlySpan<int> rows, int width)
    {
        if (source.Length == 0) return source;
        var result = new T[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
            Array.Copy(source, (long)rows[i] * width, result, (long)i * width, width);
        return result;
    }
}
