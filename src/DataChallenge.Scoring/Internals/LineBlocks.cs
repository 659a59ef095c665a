namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Hands out a byte range as large blocks of whole lines: every block ends with a line feed, except the last one of
/// the range. Knows nothing of quotes, so it serves only the fast path, which gives up at the first quote.
/// </summary>
internal sealed class LineBlocks(ByteSource source, long start, long end, CancellationToken cancellationToken, int blockSize = LineBlocks.DefaultBlockSize)
{
    // Large enough that refills are rare, small enough to stay in the core's cache between the copy and the parse,
    // and to keep the readers' blocks a small share of the peak memory of a small file.
    public const int DefaultBlockSize = 1 << 18;

    private byte[] _buffer = new byte[(int)Math.Clamp(end - start, 16, Math.Max(16, blockSize))];
    private long _position = start;
    private int _start;
    private int _end;
    private bool _endOfRange;

    /// <summary>The next block of whole lines; false once the range is consumed.</summary>
    public bool Next(out ReadOnlySpan<byte> block)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pending = _buffer.AsSpan(_start, _end - _start);
            var last = pending.LastIndexOf((byte)'\n');
            if (last >= 0 && (_endOfRange || _end == _buffer.Length || last > _buffer.Length / 2))
            {
                block = pending[..(last + 1)];
                _start += last + 1;
                return true;
            }

            if (_endOfRange)
            {
                block = pending;
                _start = _end;
                return !pending.IsEmpty;
            }

            Fill();
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

        // A line longer than the buffer (a huge mask, say) makes it grow instead of failing.
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        while (_end < _buffer.Length)
        {
            var wanted = (int)Math.Min(_buffer.Length - _end, end - _position);
            var read = wanted == 0 ? 0 : source.Read(_position, _buffer.AsSpan(_end, wanted));
            if (read == 0)
            {
                _endOfRange = true;
                return;
            }

            _position += read;
            _end += read;
        }
    }
}
