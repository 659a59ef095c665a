using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Reads a well-formed labels file without the strict reader's per-field bookkeeping. Returns null, with the stream
/// back where it was, at anything unusual (a quote, a bad value, a duplicate id...): the strict reader then reads the
/// file again and words the rejection.
/// </summary>
internal static class FastLabelsReader
{
    public static LabelsTable? TryRead(Stream stream, ScoringConfig config, TaskLayout layout, string file, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek || !FastFields.Supports(config, layout)) return null;
        var origin = stream.Position;
        var table = Read(stream, config, layout, file, cancellationToken);
        if (table is null) stream.Position = origin;
        return table;
    }

    private static LabelsTable? Read(Stream stream, ScoringConfig config, TaskLayout layout, string file, CancellationToken cancellationToken)
    {
        var source = ByteSource.For(stream);
        var blocks = new LineBlocks(source, stream.Position, source.Length, cancellationToken);
        if (!blocks.Next(out var block)) return null;
        var expected = new List<string> { config.IdColumn };
        expected.AddRange(config.LabelColumns);
        var map = FastFields.Header(block, expected, file, out var consumed, out var columns);
        if (map is null) return null;

        // role[field]: -1 for the id, else the label column's position in label_columns.
        var role = new int[columns];
        for (var e = 0; e < map.Length; e++) role[map[e]] = e - 1;
        var classValued = layout.TruthIsClass;
        var zeroOne = config.TaskType != TaskTypes.Regression;
        var classes = layout.ClassBytes;
        var width = layout.Width;
        var rowTruth = new double[width];

        var ids = new IdIndex();
        var truth = new GrowableArray<double>();
        var truthClass = new GrowableArray<int>();
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
                var rowClass = 0;
                for (var f = 0; f < columns; f++)
                {
                    if (!FastFields.NextField(block, ref pos, f == columns - 1, out var field)) return null;
                    var j = role[f];
                    if (j < 0)
                    {
                        if (!FastFields.IsPlain(field) || ids.Add(field) >= 0) return null;
                    }
                    else if (classValued)
                    {
                        rowClass = FastFields.Class(field, classes);
                        if (rowClass < 0) return null;
                    }
                    else
                    {
                        if (!NumberParser.TryParse(field, out var value)) return null;
                        if (zeroOne && value is not (0 or 1)) return null;
                        rowTruth[j] = value;
                    }
                }

                if (classValued) truthClass.Add(rowClass);
                else
                {
                    foreach (var value in rowTruth) truth.Add(value);
                }
            }

            pos = 0;
        }
        while (blocks.Next(out block));

        if (ids.Count == 0) return null;
        return new LabelsTable
        {
            Ids = ids,
            Truth = truth.ToArray(),
            TruthClass = truthClass.ToArray(),
            TruthMasks = [],
        };
    }
}
