namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Reads a well-formed predictions file and aligns it with the labels by id. Returns null, with the stream back where
/// it was, at anything unusual (unknown, missing or repeated id, bad value...): the strict reader words the rejection.
/// </summary>
internal static class FastPredictionsReader
{
    public static ScoringData? TryRead(Stream stream, ScoringConfig config, TaskLayout layout, LabelsTable labels, string file, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek || !FastFields.Supports(config, layout)) return null;
        var origin = stream.Position;
        var data = Read(stream, config, layout, labels, file, cancellationToken);
        if (data is null) stream.Position = origin;
        return data;
    }

    private static ScoringData? Read(Stream stream, ScoringConfig config, TaskLayout layout, LabelsTable labels, string file, CancellationToken cancellationToken)
    {
        var blocks = new LineBlocks(stream, cancellationToken);
        if (!blocks.Next(out var block)) return null;
        var expected = new List<string> { config.IdColumn };
        expected.AddRange(config.PredictionColumns);
        var map = FastFields.Header(block, expected, file, out var consumed, out var columns);
        if (map is null) return null;

        // slot[field]: where the field's value goes within the row's prediction values.
        var idField = map[0];
        var slot = new int[columns];
        for (var e = 1; e < map.Length; e++) slot[map[e]] = layout.PredictionSlot[e - 1];
        var classValued = layout.PredictionIsClass;
        var kind = config.TaskType switch
        {
            TaskTypes.Regression => ValueKind.Number,
            TaskTypes.MultilabelLabel => ValueKind.ZeroOne,
            _ => ValueKind.Probability,
        };
        var classes = layout.ClassBytes;
        var width = layout.PredictionWidth;

        var rows = labels.Rows;
        var ids = labels.Ids;
        var prediction = classValued ? [] : new double[(long)rows * width];
        var predictionClass = classValued ? new int[rows] : [];
        var seen = new bool[rows];
        var matched = 0;
        var blankTail = false;
        var pos = consumed;
        do
        {
            while (pos < block.Length)
            {
                if (FastFields.SkipBlankLine(block, ref pos))
                {
                    blankTail = true;
                    continue;
                }

                if (blankTail) return null;

                // The id comes first in nearly every file; otherwise it is looked for before the values are read.
                var row = -1;
                if (idField != 0 && !TryFindRow(block, pos, columns, idField, ids, out row)) return null;
                for (var f = 0; f < columns; f++)
                {
                    if (!FastFields.NextField(block, ref pos, f == columns - 1, out var field)) return null;
                    if (f == idField)
                    {
                        if (idField == 0 && (!FastFields.IsPlain(field) || (row = ids.Find(field)) < 0)) return null;
                        if (seen[row]) return null;
                        seen[row] = true;
                        matched++;
                    }
                    else if (classValued)
                    {
                        var c = FastFields.Class(field, classes);
                        if (c < 0) return null;
                        predictionClass[row] = c;
                    }
                    else
                    {
                        if (!NumberParser.TryParse(field, out var value)) return null;
                        if (kind == ValueKind.Probability ? value is not (>= 0 and <= 1) : kind == ValueKind.ZeroOne && value is not (0 or 1)) return null;
                        prediction[((long)row * width) + slot[f]] = value;
                    }
                }
            }

            pos = 0;
        }
        while (blocks.Next(out block));

        // Every row matched a distinct labels row: with as many matches as labels rows, none is missing.
        if (matched != rows) return null;
        return new ScoringData
        {
            Rows = rows,
            Truth = labels.Truth,
            TruthClass = labels.TruthClass,
            TruthMasks = labels.TruthMasks,
            Prediction = prediction,
            PredictionClass = predictionClass,
            Width = layout.Width,
            PredictionWidth = width,
        };
    }

    private static bool TryFindRow(ReadOnlySpan<byte> block, int pos, int columns, int idField, IdIndex ids, out int row)
    {
        row = -1;
        for (var f = 0; f <= idField; f++)
        {
            if (!FastFields.NextField(block, ref pos, f == columns - 1, out var field)) return false;
            if (f < idField) continue;
            if (!FastFields.IsPlain(field)) return false;
            row = ids.Find(field);
        }

        return row >= 0;
    }

    private enum ValueKind
    {
        Number,
        Probability,
        ZeroOne,
    }
}
