using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Pieces shared by the fast readers. Each answers "certainly what the strict reader would read" or "not sure";
/// "not sure" sends the whole file back to the strict reader, which finds the exact line and message.
/// </summary>
internal static class FastFields
{
    /// <summary>
    /// Task types whose values are numbers or class names, read the same way in both paths. Masks, one-hot costs,
    /// splits and groups always take the strict path.
    /// </summary>
    public static bool Supports(ScoringConfig config, TaskLayout layout)
    {
        if (config.SplitColumn is not null || config.GroupColumn is not null) return false;
        if (config.TaskType is not (TaskTypes.BinaryProba or TaskTypes.Regression or TaskTypes.MulticlassProba
            or TaskTypes.MulticlassLabel or TaskTypes.MultilabelProba or TaskTypes.MultilabelLabel)) return false;
        foreach (var slot in layout.PredictionSlot)
        {
            if (slot < 0) return false;
        }

        // A class name the strict reader would only see quoted could otherwise match an unquoted field here.
        foreach (var name in layout.ClassBytes)
        {
            if (!IsPlain(name)) return false;
        }

        return true;
    }

    /// <summary>
    /// The header's column positions for the expected names, or null. The header line goes through the strict reader
    /// and <see cref="HeaderLayout"/>, so the names are matched by exactly the same rules.
    /// </summary>
    public static int[]? Header(ReadOnlySpan<byte> block, IReadOnlyList<string> expected, string file, out int consumed, out int columns)
    {
        consumed = 0;
        columns = 0;
        var start = block.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var end = block.IndexOf((byte)'\n');
        if (end < 0) return null;
        var line = block[start..end];
        if (line.EndsWith("\r"u8)) line = line[..^1];
        if (line.IsEmpty || !IsAsciiWithoutQuotes(line)) return null;

        var csv = new CsvReader(new MemoryStream(line.ToArray()), file, CancellationToken.None);
        try
        {
            if (!csv.ReadRow()) return null;
            var map = HeaderLayout.Resolve(csv, expected);
            consumed = end + 1;
            columns = csv.FieldCount;
            return map;
        }
        catch (SubmissionRejectedException)
        {
            return null;
        }
    }

    /// <summary>
    /// An id the strict reader would read as these very bytes: not empty, ASCII, no quote or carriage return,
    /// nothing it would trim.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPlain(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty || IsBlank(field[0]) || IsBlank(field[^1])) return false;
        foreach (var b in field)
        {
            if (b >= 0x80 || b == (byte)'"' || b == (byte)'\r' || b == (byte)'\n' || b == (byte)',') return false;
        }

        return true;
    }

    /// <summary>True for an empty line (LF or CRLF) at <paramref name="pos"/>; advances past it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SkipBlankLine(ReadOnlySpan<byte> block, ref int pos)
    {
        if (block[pos] == (byte)'\n')
        {
            pos++;
            return true;
        }

        if (block[pos] != (byte)'\r') return false;
        if (pos + 1 == block.Length)
        {
            pos++;
            return true;
        }

        if (block[pos + 1] != (byte)'\n') return false;
        pos += 2;
        return true;
    }

    /// <summary>
    /// The field starting at <paramref name="pos"/>, which must be followed by a comma (or by the line's end when
    /// <paramref name="last"/>); a trailing carriage return before the line feed is dropped. False on a wrong count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextField(ReadOnlySpan<byte> block, ref int pos, bool last, out ReadOnlySpan<byte> field)
    {
        var start = pos;
        var i = pos;
        while (i < block.Length)
        {
            var b = block[i];
            if (b == (byte)',' || b == (byte)'\n') break;
            i++;
        }

        var end = i;
        field = default;
        if (!last)
        {
            if (i == block.Length || block[i] != (byte)',') return false;
            pos = i + 1;
        }
        else
        {
            if (i < block.Length)
            {
                if (block[i] != (byte)'\n') return false;
                i++;
            }

            if (end > start && block[end - 1] == (byte)'\r') end--;
            pos = i;
        }

        field = block[start..end];
        return true;
    }

    /// <summary>
    /// An id field, ended as <see cref="NextField"/> ends one and refused unless <see cref="IsPlain"/>. When it spells
    /// a canonical non-negative integer (digits only, no leading zero, at most 18 digits), that value comes back in
    /// <paramref name="integer"/>, else -1: the value is read in the same scan that finds the field's end, so the id
    /// index need not read the bytes again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextId(ReadOnlySpan<byte> block, ref int pos, bool last, out ReadOnlySpan<byte> field, out long integer)
    {
        // Most ids are integers of one to seven digits: eight bytes at once tell where it ends and what it is worth.
        if (pos <= block.Length - 8)
        {
            var x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(block), pos)) ^ 0x3030_3030_3030_3030UL;
            var digits = NumberParser.DigitRun(x);
            if (digits is > 0 and < 8 && block[pos + digits] == (last ? (byte)'\n' : (byte)',') && (digits == 1 || (byte)x != 0))
            {
                field = block.Slice(pos, digits);
                integer = (long)NumberParser.EightDigits(x << (8 * (8 - digits)));
                pos += digits + 1;
                return true;
            }
        }

        var start = pos;
        var i = pos;
        ulong value = 0;
        var digitsOnly = true;
        while (i < block.Length)
        {
            var b = block[i];
            if (b == (byte)',' || b == (byte)'\n') break;
            var digit = (uint)(b - '0');
            if (digit > 9) digitsOnly = false;
            value = (value * 10) + digit;
            i++;
        }

        var length = i - start;
        integer = -1;
        if (digitsOnly && length is > 0 and <= MaxIntegerDigits && (block[start] != (byte)'0' || length == 1))
        {
            // Digits alone are plain and carry no carriage return, so the field ends where the scan stopped.
            field = default;
            if (i < block.Length)
            {
                if (block[i] != (last ? (byte)'\n' : (byte)',')) return false;
                i++;
            }
            else if (!last)
            {
                return false;
            }

            pos = i;
            field = block.Slice(start, length);
            integer = (long)value;
            return true;
        }

        pos = start;
        return NextField(block, ref pos, last, out field) && IsPlain(field);
    }

    /// <summary>The longest id <see cref="NextId"/> reads as an integer: 18 digits always fit a long.</summary>
    public const int MaxIntegerDigits = 18;

    /// <summary>The lines of a byte range: its line feeds, and one more when the range ends without one.</summary>
    public static long CountLines(ByteSource source, long start, long end, CancellationToken cancellationToken)
    {
        // Small enough to stay in the core's cache between the read and the count.
        var buffer = new byte[1 << 16];
        long lines = 0;
        var lastByte = (byte)'\n';
        while (start < end)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = source.Read(start, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - start)));
            if (read == 0) break;
            var chunk = buffer.AsSpan(0, read);
            lines += chunk.Count((byte)'\n');
            lastByte = chunk[^1];
            start += read;
        }

        return lastByte == (byte)'\n' ? lines : lines + 1;
    }

    /// <summary>The offset just past the first line feed at or after <paramref name="from"/>, or -1 when there is none before the end.</summary>
    public static long LineStartAfter(ByteSource source, long from, long length)
    {
        Span<byte> probe = stackalloc byte[4096];
        while (from < length)
        {
            var read = source.Read(from, probe[..(int)Math.Min(probe.Length, length - from)]);
            if (read == 0) return -1;
            var at = probe[..read].IndexOf((byte)'\n');
            if (at >= 0) return from + at + 1 < length ? from + at + 1 : -1;
            from += read;
        }

        return -1;
    }

    /// <summary>
    /// The number starting at <paramref name="pos"/>, parsed while its end is found; the field must end right after
    /// it, exactly where <see cref="NextField"/> would end it, or false.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextNumber(ReadOnlySpan<byte> block, ref int pos, bool last, out double value)
    {
        // A lone digit, the 0 or 1 of most labels, needs no parser: the parser too would stop right after it. A point
        // after the first byte, as in nearly every probability, rules it out with one comparison.
        if (pos < block.Length && (pos + 1 == block.Length || block[pos + 1] != (byte)'.'))
        {
            var digit = (uint)(block[pos] - '0');
            if (digit <= 9 && (pos + 1 == block.Length || block[pos + 1] is (byte)',' or (byte)'\n' or (byte)'\r'))
            {
                value = digit;
                pos++;
                return EndField(block, ref pos, last);
            }
        }

        if (NumberParser.TryParseShortDecimal(block, pos, out value, out var shortEnd))
        {
            pos = shortEnd;
            return EndField(block, ref pos, last);
        }

        var end = NumberParser.ParsePrefix(block, pos, out value);
        if (end < 0) return false;
        pos = end;
        return EndField(block, ref pos, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndField(ReadOnlySpan<byte> block, ref int pos, bool last)
    {
        if (!last)
        {
            if (pos >= block.Length || block[pos] != (byte)',') return false;
            pos++;
            return true;
        }

        if (pos == block.Length) return true;
        if (block[pos] == (byte)'\n')
        {
            pos++;
            return true;
        }

        if (block[pos] != (byte)'\r') return false;
        if (pos + 1 == block.Length)
        {
            pos++;
            return true;
        }

        if (block[pos + 1] != (byte)'\n') return false;
        pos += 2;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t';

    private static bool IsAsciiWithoutQuotes(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b >= 0x80 || b == (byte)'"') return false;
        }

        return true;
    }
}
