namespace DataChallenge.Scoring.Internals;

/// <summary>
/// The one way files are read: well-formed files take the fast readers; anything they are unsure of is read again by
/// the strict ones, which word the rejection.
/// </summary>
internal static class Readers
{
    public static LabelsTable Labels(Stream labels, ScoringConfig config, TaskLayout layout, string file, bool parallel, CancellationToken cancellationToken)
        => FastLabelsReader.TryRead(labels, config, layout, file, parallel, cancellationToken)
            ?? LabelsReader.Read(labels, config, layout, file, cancellationToken);

    public static ScoringData Predictions(Stream predictions, ScoringConfig config, TaskLayout layout, LabelsTable table, string file, bool parallel, CancellationToken cancellationToken)
        => FastPredictionsReader.TryRead(predictions, config, layout, table, file, parallel, cancellationToken)
            ?? PredictionsReader.Read(predictions, config, layout, table, file, cancellationToken);

    /// <summary>The rows of one split (0 = public, 1 = private), in file order.</summary>
    public static int[] RowsWhere(byte[] split, byte value)
    {
        var rows = new List<int>();
        for (var i = 0; i < split.Length; i++)
        {
            if (split[i] == value) rows.Add(i);
        }

        return [.. rows];
    }
}
