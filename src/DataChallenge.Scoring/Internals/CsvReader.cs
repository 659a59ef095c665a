using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// A strict RFC 4180 reader over UTF-8 bytes. It works on bytes rather than decoded text so that invalid UTF-8,
/// stray or unterminated quotes and ragged rows are reported with their exact line, which lenient readers repair
/// silently. Rows are parsed in place in one growing buffer; a row cut by the buffer's end is parsed again after a refill.
/// </summary>
internal sealed class CsvReader
{
    private const int InitialBufferSize = 1 << 20;
    private static readonly SearchValues<byte> FieldEnds = SearchValues.Create(",\n\r\""u8);

    private readonly Stream _stream;
    private readonly string _file;
    private readonly CancellationToken _cancellationToken;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _started;
    private long _line = 1;
    private long _blankLine;

    private int[] _fieldStart = new int[16];
    private int[] _fieldLength = new int[16];
    private int[] _fieldLineOffset = new int[16];
    private bool[] _fieldInScratch = new bool[16];
    private byte[] _scratch = new byte[256];
    private int _scratchUsed;
    private int _rowStart;
    private int _rowEnd;
    private string[]? _columnNames;

    public CsvReader(Stream stream, string file, CancellationToken cancellationToken)
        : this(stream, file, cancellationToken, InitialSize(stream))
    {
    }

    /// <summary>With an explicit first buffer size; tiny sizes put rows across refills, as large files do.</summary>
    public CsvReader(Stream stream, string file, CancellationToken cancellationToken, int bufferSize)
    {
        _stream = stream;
        _file = file;
        _cancellationToken = cancellationToken;
        _buffer = new byte[Math.Max(1, bufferSize)];
    }

    // Small files get a small buffer; a stream of unknown length gets the full read size.
    private static int InitialSize(Stream stream)
        => stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 4096, InitialBufferSize) : InitialBufferSize;

    public string File => _file;

    public int FieldCount { get; private set; }

    /// <summary>1-based line on which the current row starts.</summary>
    public long RowLine { get; private set; }

    /// <summary>Rows read so far, header included.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Names used in messages about a column index; set once the header is known.</summary>
    public void UseColumnNames(string[] names) => _columnNames = names;

    public ReadOnlySpan<byte> Field(int index) => _fieldInScratch[index]
        ? _scratch.AsSpan(_fieldStart[index], _fieldLength[index])
        : _buffer.AsSpan(_fieldStart[index], _fieldLength[index]);

    public long FieldLine(int index) => RowLine + _fieldLineOffset[index];

    public string FieldText(int index) => Encoding.UTF8.GetString(Field(index));

    /// <summary>A rejection for the given field of the current row.</summary>
    public SubmissionRejectedException Reject(int field, string rule) => new(_file, FieldLine(field), ColumnName(field), rule);

    public SubmissionRejectedException RejectFile(string rule) => new(_file, 0, null, rule);

    /// <summary>Reads the next non-blank row; false at the end. Blank lines are allowed only at the end.</summary>
    public bool ReadRow()
    {
        while (true)
        {
            if (!ReadPhysicalRow()) return false;
            if (FieldCount == 1 && _fieldLength[0] == 0 && !IsQuotedEmpty())
            {
                if (_blankLine == 0) _blankLine = RowLine;
                continue;
            }

            if (_blankLine != 0)
                throw new SubmissionRejectedException(_file, _blankLine, null,
                    "this line is blank; blank lines are only allowed at the end of the file.");
            RowsRead++;
            return true;
        }
    }

    private bool IsQuotedEmpty()
    {
        // `""` alone on a line is a row with one empty field, not a blank line.
        var raw = _buffer.AsSpan(_rowStart, _rowEnd - _rowStart);
        return raw.IndexOf((byte)'"') >= 0;
    }

    private bool ReadPhysicalRow()
    {
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!_started)
            {
                while (_end < 3 && !_endOfStream) Fill();
                _started = true;
                if (_end == 0) throw RejectFile("the file is empty.");
                if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _start = 3;
                if (_start == _end) Fill();
                if (_start == _end) throw RejectFile("the file is empty (it holds only a byte order mark).");
            }

            if (_start == _end)
            {
                if (_endOfStream) return false;
                Fill();
                continue;
            }

            var consumed = ParseRow(_buffer.AsSpan(_start, _end - _start), _endOfStream, out var lines);
            if (consumed < 0)
            {
                Fill();
                continue;
            }

            RowLine = _line;
            _rowStart = _start;
            _rowEnd = _start + consumed;
            ValidateUtf8();
            _line += lines;
            _start += consumed;
            return true;
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);

        // Fill the buffer whole: a row longer than a network read would otherwise be parsed again after every small read.
        while (_end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
                break;
            }

            _end += read;
        }
    }

    // Returns the bytes consumed by one row (terminator included), or -1 when the row may continue past the data.
    private int ParseRow(ReadOnlySpan<byte> data, bool final, out int lines)
    {
        lines = 0;
        FieldCount = 0;
        _scratchUsed = 0;
        var pos = 0;
        while (true)
        {
            while (pos < data.Length && (data[pos] == (byte)' ' || data[pos] == (byte)'\t')) pos++;
            int contentStart, contentLength, end;
            var inScratch = false;
            var fieldLine = lines;
            if (pos < data.Length && data[pos] == (byte)'"')
            {
                var openLine = lines;
                pos++;
                contentStart = pos;
                var escaped = false;
                while (true)
                {
                    var next = data[pos..].IndexOf((byte)'"');
                    if (next < 0)
                    {
                        if (!final) return -1;
                        throw new SubmissionRejectedException(_file, _line + openLine, ColumnName(FieldCount),
                            "a quoted field is never closed: the opening quote has no matching closing quote.");
                    }

                    lines += data.Slice(pos, next).Count((byte)'\n');
                    pos += next + 1;
                    if (pos == data.Length && !final) return -1;
                    if (pos < data.Length && data[pos] == (byte)'"')
                    {
                        escaped = true;
                        pos++;
                        continue;
                    }

                    break;
                }

                contentLength = pos - 1 - contentStart;
                if (escaped)
                {
                    (contentStart, contentLength) = Unescape(data.Slice(contentStart, contentLength));
                    inScratch = true;
                }

                while (pos < data.Length && (data[pos] == (byte)' ' || data[pos] == (byte)'\t')) pos++;
                end = pos;
                if (end == data.Length && !final) return -1;
                if (end < data.Length && data[end] is not ((byte)',' or (byte)'\n' or (byte)'\r'))
                    throw new SubmissionRejectedException(_file, _line + lines, ColumnName(FieldCount),
                        "unexpected text after a closing quote; a quoted field must end right after its closing quote.");
                contentStart += inScratch ? 0 : _start;
            }
            else
            {
                var next = data[pos..].IndexOfAny(FieldEnds);
                if (next < 0)
                {
                    if (!final) return -1;
                    end = data.Length;
                }
                else
                {
                    end = pos + next;
                    if (data[end] == (byte)'"')
                        throw new SubmissionRejectedException(_file, _line + lines, ColumnName(FieldCount),
                            "a quote inside an unquoted field; enclose the field in quotes and double any quote inside it.");
                }

                var trimmedEnd = end;
                while (trimmedEnd > pos && (data[trimmedEnd - 1] == (byte)' ' || data[trimmedEnd - 1] == (byte)'\t')) trimmedEnd--;
                contentStart = _start + pos;
                contentLength = trimmedEnd - pos;
            }

            AddField(contentStart, contentLength, inScratch, fieldLine);
            if (end == data.Length) return end;
            switch (data[end])
            {
                case (byte)',':
                    pos = end + 1;
                    continue;
                case (byte)'\n':
                    lines++;
                    return end + 1;
                default: // '\r'
                    if (end + 1 < data.Length)
                    {
                        if (data[end + 1] != (byte)'\n')
                            throw new SubmissionRejectedException(_file, _line + lines, ColumnName(FieldCount - 1),
                                "a carriage return that is not followed by a line feed; lines must end with LF or CRLF.");
                        lines++;
                        return end + 2;
                    }

                    if (!final) return -1;
                    lines++;
                    return end + 1;
            }
        }
    }

    private (int Start, int Length) Unescape(ReadOnlySpan<byte> content)
    {
        if (_scratch.Length - _scratchUsed < content.Length)
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchUsed + content.Length));
        var start = _scratchUsed;
        var target = _scratch.AsSpan(start);
        var written = 0;
        for (var i = 0; i < content.Length; i++)
        {
            target[written++] = content[i];
            if (content[i] == (byte)'"') i++; // a doubled quote stands for one
        }

        _scratchUsed += written;
        return (start, written);
    }

    private void AddField(int start, int length, bool inScratch, int lineOffset)
    {
        if (FieldCount == _fieldStart.Length)
        {
            var size = FieldCount * 2;
            Array.Resize(ref _fieldStart, size);
            Array.Resize(ref _fieldLength, size);
            Array.Resize(ref _fieldLineOffset, size);
            Array.Resize(ref _fieldInScratch, size);
        }

        _fieldStart[FieldCount] = start;
        _fieldLength[FieldCount] = length;
        _fieldLineOffset[FieldCount] = lineOffset;
        _fieldInScratch[FieldCount] = inScratch;
        FieldCount++;
    }

    // Separators are ASCII, so a row's bytes never split a character: one check per row covers every field.
    private void ValidateUtf8()
    {
        var raw = _buffer.AsSpan(_rowStart, _rowEnd - _rowStart);
        if (Utf8.IsValid(raw)) return;
        var field = 0;
        while (field < FieldCount - 1 && Utf8.IsValid(Field(field))) field++;

        var chars = new char[raw.Length];
        Utf8.ToUtf16(raw, chars, out var bad, out _, replaceInvalidSequences: false);
        var line = RowLine + raw[..bad].Count((byte)'\n');
        throw new SubmissionRejectedException(_file, line, ColumnName(field),
            "the text is not valid UTF-8; save the file with UTF-8 encoding.");
    }

    private string? ColumnName(int index)
        => _columnNames is not null && index >= 0 && index < _columnNames.Length ? _columnNames[index] : null;
}
