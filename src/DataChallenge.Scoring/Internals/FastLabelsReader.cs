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

        // The truth arrays are sized once from the line count: growing them row by row cost more than the parse.
        var secondCount = middle < 0 ? null : Task.Run(() => FastFields.CountLines(source, middle, length, cancellationToken), cancellationToken);
        var firstLines = FastFields.CountLines(source, start, middle < 0 ? length : middle, cancellationToken);
        var secondLines = secondCount is null ? 0 : secondCount.GetAwaiter().GetResult();
        var rows = firstLines + secondLines;
        if (rows > Array.MaxLength / Math.Max(1, layout.Width)) return null;
        var truth = new TruthColumns(layout, (int)rows);
        var part = new LabelsPart(config, layout, map, columns, truth, 0);
        if (middle < 0)
        {
            if (!part.Read(new LineBlocks(source, start, length, cancellationToken), blankAllowed: true)) return null;
        }
        else
        {
            var next = new LabelsPart(config, layout, map, columns, truth, (int)firstLines);
            var other = Task.Run(() => next.Read(new LineBlocks(source, middle, length, cancellationToken), blankAllowed: true), cancellationToken);
            var firstHalf = part.Read(new LineBlocks(source, start, middle, cancellationToken), blankAllowed: false);
            var secondHalf = other.GetAwaiter().GetResult();

            // A half the strict reader would refuse makes the whole file refused, whichever way it is joined.
            if (!firstHalf || !secondHalf) return null;

            // The first half holds exactly its line count of rows (a blank line there gave up), so the second half's
            // rows already sit right after them; read again, they land in the same places.
            if (!part.TryAppend(next) && !part.Read(new LineBlocks(source, middle, length, cancellationToken), blankAllowed: true)) return null;
        }

        return part.ToTable();
    }

    /// <summary>The truth of every row, shared by the readers of the two halves, each writing its own rows.</summary>
    private sealed class TruthColumns(TaskLayout layout, int rows)
    {
        public int Width { get; } = layout.Width;
        public double[] Values { get; } = layout.TruthIsClass ? [] : new double[(long)rows * layout.Width];
        public int[] Classes { get; } = layout.TruthIsClass ? new int[rows] : [];
        public int Capacity { get; } = rows;
    }

    /// <summary>The rows of one stretch of the file: ids in file order, truth written from row <c>firstRow</c> on.</summary>
    private sealed class LabelsPart
    {
        private readonly int _columns;
        private readonly int[] _role;
        private readonly bool _classValued;
        private readonly bool _zeroOne;
        private readonly ClassKeys _classes;
        private readonly TruthColumns _truth;
        private readonly int _firstRow;
        private readonly IdIndex _ids = new();

        public LabelsPart(ScoringConfig config, TaskLayout layout, int[] map, int columns, TruthColumns truth, int firstRow)
        {
            _columns = columns;

            // role[field]: -1 for the id, else the label column's position in label_columns.
            _role = new int[columns];
            for (var e = 0; e < map.Length; e++) _role[map[e]] = e - 1;
            _classValued = layout.TruthIsClass;
            _zeroOne = config.TaskType != TaskTypes.Regression;
            _classes = new ClassKeys(layout.ClassBytes);
            _truth = truth;
            _firstRow = firstRow;
        }

        /// <summary>False at anything the fast path does not take; within a half that is not the last, a blank line too.</summary>
        public bool Read(LineBlocks blocks, bool blankAllowed)
        {
            var columns = _columns;
            var role = _role;
            var ids = _ids;
            var classValued = _classValued;
            var zeroOne = _zeroOne;
            var width = _truth.Width;
            var values = _truth.Values;
            var classes = _truth.Classes;
            var capacity = _truth.Capacity;
            var blankTail = false;
            while (blocks.Next(out var next))
            {
                // A copy whose address is never taken, so that the loop below keeps the block in registers.
                var block = next;
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
                    var row = _firstRow + ids.Count;
                    if (row >= capacity) return false;
                    var rowValues = classValued ? default : values.AsSpan(row * width, width);
                    for (var f = 0; f < columns; f++)
                    {
                        var last = f == columns - 1;
                        var j = role[f];
                        if (j < 0)
                        {
                            if (!FastFields.NextId(block, ref pos, last, out var id, out var integer) || ids.Add(id, integer) >= 0) return false;
                            continue;
                        }

                        if (classValued)
                        {
                            if (!FastFields.NextField(block, ref pos, last, out var field)) return false;
                            var rowClass = _classes.Find(field);
                            if (rowClass < 0) return false;
                            classes[row] = rowClass;
                            continue;
                        }

                        if (!FastFields.NextNumber(block, ref pos, last, out var value)) return false;
                        if (zeroOne && value is not (0 or 1)) return false;
                        rowValues[j] = value;
                    }
                }
            }

            return true;
        }

        /// <summary>Takes the next part's rows when its ids continue this part's run; false, with nothing changed, otherwise.</summary>
        public bool TryAppend(LabelsPart next) => _ids.TryAppendConsecutive(next._ids);

        public LabelsTable? ToTable()
        {
            var rows = _ids.Count;
            if (rows == 0) return null;

            // Blank lines at the end were counted as lines but hold no row.
            return new LabelsTable
            {
                Ids = _ids,
                Truth = rows == _truth.Capacity || _classValued ? _truth.Values : _truth.Values[..(rows * _truth.Width)],
                TruthClass = rows == _truth.Capacity || !_classValued ? _truth.Classes : _truth.Classes[..rows],
                TruthMasks = [],
            };
        }
    }
}
