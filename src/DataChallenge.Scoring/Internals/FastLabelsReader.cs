namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Reads a well-formed labels file without the strict reader's per-field bookkeeping. Returns null, with the stream
/// back where it was, at anything unusual (a quote, a bad value, a duplicate id...): the strict reader then reads the
/// file again and words the rejection. A large file is cut in two at a line feed and the second half read on another
/// core; when its ids do not simply continue the first half's run of integers, the first reader goes on through it.
/// </summary>
internal static class FastLabelsReader
{
    private const int MaxHeader = 1 << 16;
    private const long MinParallelBytes = 1 << 20;

    public static LabelsTable? TryRead(Stream stream, ScoringConfig config, TaskLayout layout, string file, bool parallel, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek || !FastFields.Supports(config, layout)) return null;
        var origin = stream.Position;
        var table = Read(stream, config, layout, file, parallel, cancellationToken);
        if (table is null) stream.Position = origin;
        return table;
    }

    private static LabelsTable? Read(Stream stream, ScoringConfig config, TaskLayout layout, string file, bool parallel, CancellationToken cancellationToken)
    {
        var source = ByteSource.For(stream);
        var origin = stream.Position;
        var length = source.Length;
        if (!new LineBlocks(source, origin, Math.Min(length, origin + MaxHeader), cancellationToken).Next(out var first)) return null;
        var expected = new List<string> { config.IdColumn };
        expected.AddRange(config.LabelColumns);
        var map = FastFields.Header(first, expected, file, out var consumed, out var columns);
        if (map is null) return null;

        var start = origin + consumed;
        var middle = parallel && source.Concurrent && length - start >= MinParallelBytes ? FastFields.LineStartAfter(source, start + ((length - start) / 2), length) : -1;
        var part = new LabelsPart(config, layout, map, columns);
        if (middle < 0)
        {
            if (!part.Read(new LineBlocks(source, start, length, cancellationToken), blankAllowed: true)) return null;
        }
        else
        {
            var next = new LabelsPart(config, layout, map, columns);
            var other = Task.Run(() => next.Read(new LineBlocks(source, middle, length, cancellationToken), blankAllowed: true), cancellationToken);
            var firstHalf = part.Read(new LineBlocks(source, start, middle, cancellationToken), blankAllowed: false);
            var secondHalf = other.GetAwaiter().GetResult();

            // A half the strict reader would refuse makes the whole file refused, whichever way it is joined.
            if (!firstHalf || !secondHalf) return null;
            if (!part.TryAppend(next) && !part.Read(new LineBlocks(source, middle, length, cancellationToken), blankAllowed: true)) return null;
        }

        return part.ToTable();
    }

    /// <summary>The rows of one stretch of the file: ids and truth in file order.</summary>
    private sealed class LabelsPart
    {
        private readonly int _columns;
        private readonly int[] _role;
        private readonly bool _classValued;
        private readonly bool _zeroOne;
        private readonly byte[][] _classes;
        private readonly double[] _rowTruth;
        private readonly IdIndex _ids = new();
        private GrowableArray<double> _truth = new();
        private GrowableArray<int> _truthClass = new();

        public LabelsPart(ScoringConfig config, TaskLayout layout, int[] map, int columns)
        {
            _columns = columns;

            // role[field]: -1 for the id, else the label column's position in label_columns.
            _role = new int[columns];
            for (var e = 0; e < map.Length; e++) _role[map[e]] = e - 1;
            _classValued = layout.TruthIsClass;
            _zeroOne = config.TaskType != TaskTypes.Regression;
            _classes = layout.ClassBytes;
            _rowTruth = new double[layout.Width];
        }

        /// <summary>False at anything the fast path does not take; within a half that is not the last, a blank line too.</summary>
        public bool Read(LineBlocks blocks, bool blankAllowed)
        {
            var columns = _columns;
            var role = _role;
            var blankTail = false;
            while (blocks.Next(out var block))
            {
                var pos = 0;
                while (pos < block.Length)
                {
                    if (FastFields.SkipBlankLine(block, ref pos))
                    {
                        if (!blankAllowed) return false;
                        blankTail = true;
                        continue;
                    }

                    if (blankTail) return false;
                    var rowClass = 0;
                    for (var f = 0; f < columns; f++)
                    {
                        var last = f == columns - 1;
                        var j = role[f];
                        if (j < 0 || _classValued)
                        {
                            if (!FastFields.NextField(block, ref pos, last, out var field)) return false;
                            if (j < 0)
                            {
                                if (!FastFields.IsPlain(field) || _ids.Add(field) >= 0) return false;
                                continue;
                            }

                            rowClass = FastFields.Class(field, _classes);
                            if (rowClass < 0) return false;
                            continue;
                        }

                        if (!FastFields.NextNumber(block, ref pos, last, out var value)) return false;
                        if (_zeroOne && value is not (0 or 1)) return false;
                        _rowTruth[j] = value;
                    }

                    if (_classValued) _truthClass.Add(rowClass);
                    else
                    {
                        foreach (var value in _rowTruth) _truth.Add(value);
                    }
                }
            }

            return true;
        }

        /// <summary>Takes the next part's rows when its ids continue this part's run; false, with nothing changed, otherwise.</summary>
        public bool TryAppend(LabelsPart next)
        {
            if (!_ids.TryAppendConsecutive(next._ids)) return false;
            _truth.AddRange(next._truth);
            _truthClass.AddRange(next._truthClass);
            return true;
        }

        public LabelsTable? ToTable() => _ids.Count == 0 ? null : new LabelsTable
        {
            Ids = _ids,
            Truth = _truth.ToArray(),
            TruthClass = _truthClass.ToArray(),
            TruthMasks = [],
        };
    }
}
