using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Reads a well-formed predictions file and aligns it with the labels by id. Returns null, with the stream back where
/// it was, at anything unusual (unknown, missing or repeated id, bad value...): the strict reader words the rejection.
/// A large file read from disk or memory is cut in two at a line feed and each half read on its own core.
/// </summary>
internal static class FastPredictionsReader
{
    private const int MaxHeader = 1 << 16;
    private const long MinParallelBytes = 1 << 20;

    public static ScoringData? TryRead(Stream stream, ScoringConfig config, TaskLayout layout, LabelsTable labels, string file, bool parallel, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek || !FastFields.Supports(config, layout)) return null;
        var origin = stream.Position;
        var data = Read(stream, config, layout, labels, file, parallel, cancellationToken);
        if (data is null) stream.Position = origin;
        return data;
    }

    private static ScoringData? Read(Stream stream, ScoringConfig config, TaskLayout layout, LabelsTable labels, string file, bool parallel, CancellationToken cancellationToken)
    {
        var source = ByteSource.For(stream);
        var origin = stream.Position;
        var length = source.Length;
        if (!new LineBlocks(source, origin, Math.Min(length, origin + MaxHeader), cancellationToken).Next(out var first)) return null;
        var expected = new List<string> { config.IdColumn };
        expected.AddRange(config.PredictionColumns);
        var map = FastFields.Header(first, expected, file, out var consumed, out var columns);
        if (map is null) return null;

        var rows = labels.Rows;
        var target = new Target(config, layout, map, columns, labels.Ids, rows);
        if (!target.FillsEverySlot) return null;
        var start = origin + consumed;
        var middle = parallel && source.Concurrent && length - start >= MinParallelBytes ? FastFields.LineStartAfter(source, start + ((length - start) / 2), length) : -1;
        long matched;
        if (middle < 0)
        {
            matched = ReadRange(new LineBlocks(source, start, length, cancellationToken), target, new RowSet(rows), blankAllowed: true);
        }
        else
        {
            long firstHalf = 0;
            RowSet firstRows = new(rows), secondRows = new(rows);
            var other = Task.Run(() => firstHalf = ReadRange(new LineBlocks(source, start, middle, cancellationToken), target, firstRows, blankAllowed: false), cancellationToken);
            var secondHalf = ReadRange(new LineBlocks(source, middle, length, cancellationToken), target, secondRows, blankAllowed: true);
            other.GetAwaiter().GetResult();
            matched = firstHalf < 0 || secondHalf < 0 || firstRows.Overlaps(secondRows) ? -1 : firstHalf + secondHalf;
        }

        // No row matched twice, and as many matches as labels rows: every labels row was written exactly once.
        if (matched != rows) return null;
        return new ScoringData
        {
            Rows = rows,
            Truth = labels.Truth,
            TruthClass = labels.TruthClass,
            TruthMasks = labels.TruthMasks,
            Prediction = target.Prediction,
            PredictionClass = target.PredictionClass,
            Width = layout.Width,
            PredictionWidth = layout.PredictionWidth,
        };
    }

    // Rows matched in the range, or -1 to give up. Within a half that is not the last, a blank line gives up too.
    // Rows are parsed in batches: each row's destination is prefetched as soon as its id is known and written only when
    // the batch is flushed, so the cache misses of the scattered writes overlap instead of queueing one after another.
    private static long ReadRange(LineBlocks blocks, Target target, RowSet written, bool blankAllowed)
    {
        var idField = target.IdField;
        var columns = target.Columns;
        var slot = target.Slot;
        var ids = target.Ids;
        var width = target.Width;
        var kind = target.Kind;
        var classes = target.Classes;
        var classValued = target.ClassValued;
        var batch = new Batch(width);
        long matched = 0;
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
                    if (!blankAllowed) return -1;
                    blankTail = true;
                    continue;
                }

                if (blankTail) return -1;

                // The id comes first in nearly every file; otherwise it is looked for before the values are read.
                var row = -1;
                if (idField != 0)
                {
                    row = FindRow(block, pos, columns, idField, ids);
                    if (row < 0) return -1;
                    target.Prefetch(row);
                }

                var staged = batch.Count * width;
                for (var f = 0; f < columns; f++)
                {
                    var last = f == columns - 1;
                    if (f == idField)
                    {
                        if (idField != 0)
                        {
                            if (!FastFields.NextField(block, ref pos, last, out _)) return -1;
                            continue;
                        }

                        if (!FastFields.NextId(block, ref pos, last, out var id, out var integer) || (row = ids.Find(id, integer)) < 0) return -1;
                        target.Prefetch(row);
                        continue;
                    }

                    if (classValued)
                    {
                        if (!FastFields.NextField(block, ref pos, last, out var field)) return -1;
                        var c = classes.Find(field);
                        if (c < 0) return -1;
                        batch.Classes[batch.Count] = c;
                        continue;
                    }

                    if (!FastFields.NextNumber(block, ref pos, last, out var value)) return -1;
                    if (kind == ValueKind.Probability ? value is not (>= 0 and <= 1) : kind == ValueKind.ZeroOne && value is not (0 or 1)) return -1;
                    batch.Values[staged + slot[f]] = value;
                }

                batch.Rows[batch.Count++] = row;
                if (batch.Count == Batch.Size)
                {
                    if (!target.Flush(batch, written)) return -1;
                    matched += batch.Count;
                    batch.Count = 0;
                }
            }
        }

        if (!target.Flush(batch, written)) return -1;
        return matched + batch.Count;
    }

    // The labels row of the line's id, or -1; the position travels by value, so the caller's stays in a register.
    private static int FindRow(ReadOnlySpan<byte> block, int pos, int columns, int idField, IdIndex ids)
    {
        for (var f = 0; f < idField; f++)
        {
            if (!FastFields.NextField(block, ref pos, f == columns - 1, out _)) return -1;
        }

        return FastFields.NextId(block, ref pos, idField == columns - 1, out var id, out var integer) ? ids.Find(id, integer) : -1;
    }

    private enum ValueKind
    {
        Number,
        Probability,
        ZeroOne,
    }

    /// <summary>Rows parsed but not yet written: their labels rows and values, in the order read.</summary>
    private sealed class Batch(int width)
    {
        public const int Size = 64;

        public int Count { get; set; }
        public int[] Rows { get; } = new int[Size];
        public double[] Values { get; } = new double[Size * width];
        public int[] Classes { get; } = new int[Size];
    }

    /// <summary>Where a predictions file's values go, shared by the two halves' readers.</summary>
    private sealed class Target
    {
        public Target(ScoringConfig config, TaskLayout layout, int[] map, int columns, IdIndex ids, int rows)
        {
            Columns = columns;
            IdField = map[0];
            Slot = new int[columns];
            for (var e = 1; e < map.Length; e++) Slot[map[e]] = layout.PredictionSlot[e - 1];
            ValueSlots = [.. layout.PredictionSlot.Distinct()];
            Ids = ids;
            Width = layout.PredictionWidth;
            ClassValued = layout.PredictionIsClass;
            Classes = new ClassKeys(layout.ClassBytes);
            Kind = config.TaskType switch
            {
                TaskTypes.Regression => ValueKind.Number,
                TaskTypes.MultilabelLabel => ValueKind.ZeroOne,
                _ => ValueKind.Probability,
            };

            // Left uninitialised: a file is accepted only when every row was written, and every slot of it.
            Prediction = ClassValued ? [] : GC.AllocateUninitializedArray<double>(checked(rows * Width));
            PredictionClass = ClassValued ? GC.AllocateUninitializedArray<int>(rows) : [];
        }

        public int Columns { get; }
        public int IdField { get; }
        public int[] Slot { get; }
        public IdIndex Ids { get; }
        public int Width { get; }
        public bool ClassValued { get; }
        public ClassKeys Classes { get; }
        public ValueKind Kind { get; }
        public double[] Prediction { get; }
        public int[] PredictionClass { get; }

        /// <summary>The value slots some column fills.</summary>
        public int[] ValueSlots { get; }

        /// <summary>False when some value slot has no column: the strict reader then says which one is missing.</summary>
        public bool FillsEverySlot => ClassValued || ValueSlots.Length == Width;

        /// <summary>Writes the batch's rows; false when one was already written by this reader (its id repeats).</summary>
        public bool Flush(Batch batch, RowSet written)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch.Rows[i];
                if (!written.Add(row)) return false;
                if (ClassValued)
                {
                    PredictionClass[row] = batch.Classes[i];
                    continue;
                }

                var target = (long)row * Width;
                var source = i * Width;
                foreach (var s in ValueSlots) Prediction[target + s] = batch.Values[source + s];
            }

            return true;
        }

        /// <summary>Asks for the row's cache lines ahead of the write; a hint only, skipped where unsupported.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public unsafe void Prefetch(int row)
        {
            if (!Sse.IsSupported) return;
            if (ClassValued)
            {
                Sse.Prefetch0(Unsafe.AsPointer(ref PredictionClass[row]));
                return;
            }

            var first = (long)row * Width;
            Sse.Prefetch0(Unsafe.AsPointer(ref Prediction[first]));
            if (Width > 1) Sse.Prefetch0(Unsafe.AsPointer(ref Prediction[first + Width - 1]));
        }
    }
}
