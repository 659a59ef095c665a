using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>The labels file once read: ids, truth, and the split and group of each row.</summary>
internal sealed class LabelsTable
{
    public required IdIndex Ids { get; init; }
    public required double[] Truth { get; init; }
    public required int[] TruthClass { get; init; }
    public required RleMask[] TruthMasks { get; init; }

    /// <summary>0 = public, 1 = private; null without a split column.</summary>
    public byte[]? Split { get; init; }

    /// <summary>Group index of each row; null without a group column.</summary>
    public int[]? Group { get; init; }
    public IdIndex? GroupNames { get; init; }

    public int Rows => Ids.Count;
}
