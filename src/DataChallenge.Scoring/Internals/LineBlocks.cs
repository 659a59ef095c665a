namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Hands out a stream's bytes as large blocks of whole lines: every block ends with a line feed, except the last
/// one of the stream. Knows nothing of quotes, so it serves only the fast path, which gives up at the first quote.
/// </summary>
internal sealed class LineBlocks(Stream stream, CancellationToken cancellationToken, int blockSize = LineBlocks.DefaultBlockSize)
{
    public const int DefaultBlockSize = 1 << 22;

    private byte[] _buffer = new byte[Math.Max(16, blockSize)];
    private int _start;
    private int _end;
    private bool _endOfStream;

    /// <summary>The next block of whole lines; false once the stream is consumed.</summary>
    public bool Next(out ReadOnlySpan<byte> block)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pending = _buffer.AsSpan(_start, _end - _start);
            var last = pending.LastIndexOf((byte)'\n');
            if (last >= 0 && (_endOfStream || _end == _buffer.Length || last > _buffer.Length / 2))
            {
                block = pending[..(last + 1)];
                _start += last + 1;
                return true;
            }

            if (_endOfStream)
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
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
                return;
            }

            _end += read;
        }
    }
}
