namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Reads a seekable stream at given offsets. Files and memory streams can be read at two offsets at once, which lets
/// the fast readers give each core half of a file; any other seekable stream is read by one reader at a time.
/// </summary>
internal abstract class ByteSource
{
    public abstract long Length { get; }

    /// <summary>True when <see cref="Read"/> may be called from several threads at once.</summary>
    public abstract bool Concurrent { get; }

    public abstract int Read(long offset, Span<byte> buffer);

    public static ByteSource For(Stream stream) => stream switch
    {
        FileStream file => new FileSource(file),
        MemoryStream memory when memory.TryGetBuffer(out var bytes) => new ArraySource(bytes),
        _ => new StreamSource(stream),
    };

    private sealed class FileSource(FileStream file) : ByteSource
    {
        public override long Length { get; } = file.Length;
        public override bool Concurrent => true;
        public override int Read(long offset, Span<byte> buffer) => RandomAccess.Read(file.SafeFileHandle, buffer, offset);
    }

    private sealed class ArraySource(ArraySegment<byte> bytes) : ByteSource
    {
        public override long Length => bytes.Count;
        public override bool Concurrent => true;

        public override int Read(long offset, Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, bytes.Count - offset);
            bytes.AsSpan((int)offset, count).CopyTo(buffer);
            return count;
        }
    }

    private sealed class StreamSource(Stream stream) : ByteSource
    {
        public override long Length { get; } = stream.Length;
        public override bool Concurrent => false;

        public override int Read(long offset, Span<byte> buffer)
        {
            if (stream.Position != offset) stream.Position = offset;
            return stream.Read(buffer);
        }
    }
}
