using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Binary rows sorted by descending score, reduced to the class counts of each group of equal scores: all that the
/// ROC AUC and average precision, and their variances, depend on.
/// </summary>
internal sealed class TieGroups
{
    private TieGroups(int[] positives, int[] negatives)
    {
        Positives = positives;
        Negatives = negatives;
        TotalPositives = positives.Sum(p => (long)p);
        TotalNegatives = negatives.Sum(p => (long)p);
    }

    /// <summary>Class-1 rows of each group, highest score first.</summary>
    public int[] Positives { get; }

    /// <summary>Class-0 rows of each group, highest score first.</summary>
    public int[] Negatives { get; }

    public long TotalPositives { get; }
    public long TotalNegatives { get; }

    public static TieGroups Of(ScoringData data)
    {
        var (positives, negatives) = (new GrowableArray<int>(), new GrowableArray<int>());
        if (data.TaggedDescending is { } tagged)
        {
            for (var start = 0; start < tagged.Length;)
            {
                var end = start;
                var count = 0;
                do count += (int)(tagged[end++] & 1);
                while (end < tagged.Length && tagged[end] >> 1 == tagged[start] >> 1);
                positives.Add(count);
                negatives.Add(end - start - count);
                start = end;
            }
        }
        else
        {
            var ranking = BinaryRanking.Create(data.Truth, data.Prediction);
            var start = 0;
            foreach (var end in ranking.GroupEnds)
            {
                var count = 0;
                foreach (var entry in ranking.Entries[start..end]) count += entry & 1;
                positives.Add(count);
                negatives.Add(end - start - count);
                start = end;
            }
        }

        return new TieGroups(positives.ToArray(), negatives.ToArray());
    }
}
