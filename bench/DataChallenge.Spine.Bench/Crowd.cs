using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataChallenge.Spine.Bench;

/// <summary>
/// Many live-board viewers on one phase, each on its own connection, all read by a few pool threads. A viewer holds no
/// buffer while it waits (a zero-byte receive), does not parse the events, and notes only the <c>id:</c> lines (the board
/// version) with the moment each arrived, so ten thousand of them cost the load generator little.
/// </summary>
public sealed class Crowd : IAsyncDisposable
{
    private const int Batch = 100;
    private static readonly byte[] IdLine = "\nid: "u8.ToArray();
    [ThreadStatic] private static byte[]? t_buffer;

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];
    private readonly Viewer[] _viewers;
    private long _bytes;

    private Crowd(int viewers) => _viewers = Enumerable.Range(0, viewers).Select(_ => new Viewer()).ToArray();

    /// <summary>Bytes received by all viewers so far.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public IReadOnlyList<Viewer> Viewers => _viewers;

    public static async Task<Crowd> OpenAsync(Uri server, Guid phaseId, int viewers, bool wholeBoards, CancellationToken cancellationToken)
    {
        var crowd = new Crowd(viewers);
        var request = Encoding.ASCII.GetBytes($"GET /api/phases/{phaseId}/leaderboard/live{(wholeBoards ? "?full=1" : "")} HTTP/1.1\r\n"
            + $"Host: {server.Authority}\r\nAccept: text/event-stream\r\n\r\n");
        var endpoint = new IPEndPoint((await Dns.GetHostAddressesAsync(server.Host, cancellationToken))[0], server.Port);
        for (var batch = 0; batch < viewers; batch += Batch)
        {
            var opened = Enumerable.Range(batch, Math.Min(Batch, viewers - batch)).Select(i => crowd.OpenOneAsync(endpoint, request, crowd._viewers[i], cancellationToken));
            await Task.WhenAll(opened.ToList());
        }
        return crowd;
    }

    private async Task OpenOneAsync(IPEndPoint endpoint, byte[] request, Viewer viewer, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint, cancellationToken);
        await socket.SendAsync(request, SocketFlags.None, cancellationToken);
        socket.Blocking = false;
        lock (_readers) _readers.Add(Task.Run(() => ReadAsync(socket, viewer, _stop.Token), CancellationToken.None));
        await viewer.First.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
    }

    private async Task ReadAsync(Socket socket, Viewer viewer, CancellationToken cancellationToken)
    {
        // Enough of the previous read to find an id line split across two reads.
        var carry = new byte[32];
        var carried = 0;
        var headers = true;
        try
        {
            while (true)
            {
                await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, cancellationToken);
                // No await from here to the end of the loop: the thread's buffer is this viewer's until then.
                var buffer = t_buffer ??= new byte[256 * 1024];
                carry.AsSpan(0, carried).CopyTo(buffer);
                var filled = carried;
                var closed = false;
                while (filled < buffer.Length)
                {
                    var read = socket.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None, out var error);
                    if (error == SocketError.WouldBlock) break;
                    if (error != SocketError.Success) throw new SocketException((int)error);
                    if (read == 0)
                    {
                        closed = true;
                        break;
                    }
                    filled += read;
                }
                if (closed) throw new IOException("the server closed the stream");
                if (filled == carried) continue;
                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                Interlocked.Add(ref _bytes, filled - carried);
                if (headers && !buffer.AsSpan(0, filled).StartsWith("HTTP/1.1 200"u8))
                    throw new IOException("the stream was refused: " + Encoding.ASCII.GetString(buffer, 0, Math.Min(filled, 80)).Split('\r')[0]);
                headers = false;
                carried = Scan(buffer.AsSpan(0, filled), viewer, now, carry);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            viewer.Fail(e);
        }
        finally
        {
            socket.Dispose();
        }
    }

    /// <summary>Notes every complete id line of the window; returns how many bytes of its tail were kept for the next read.</summary>
    private static int Scan(ReadOnlySpan<byte> window, Viewer viewer, long now, byte[] carry)
    {
        var offset = 0;
        while (true)
        {
            var at = window[offset..].IndexOf(IdLine);
            if (at < 0) break;
            var start = offset + at;
            var digits = window[(start + IdLine.Length)..];
            var end = digits.IndexOf((byte)'\n');
            if (end < 0)
            {
                if (window.Length - start > carry.Length) return 0;
                window[start..].CopyTo(carry);
                return window.Length - start;
            }
            viewer.Saw(long.Parse(digits[..end], provider: System.Globalization.CultureInfo.InvariantCulture), now);
            offset = start + IdLine.Length + end;
        }
        var kept = Math.Min(IdLine.Length - 1, window.Length - offset);
        window[^kept..].CopyTo(carry);
        return kept;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Task[] readers;
        lock (_readers) readers = [.. _readers];
        await Task.WhenAll(readers);
        _stop.Dispose();
    }

    /// <summary>One viewer: the board versions it received, in order, each with the Stopwatch timestamp of its arrival.</summary>
    public sealed class Viewer
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<(long Version, long At)> _seen = [];

        public Task First => _first.Task;

        /// <summary>Why the stream ended early, if it did.</summary>
        public Exception? Failure { get; private set; }

        public long Latest { get { lock (_seen) return _seen.Count == 0 ? 0 : _seen[^1].Version; } }

        /// <summary>When the viewer first had version <paramref name="version"/> or a later one; null if not yet.</summary>
        public long? ReachedAt(long version)
        {
            lock (_seen)
                foreach (var (seen, at) in _seen)
                    if (seen >= version) return at;
            return null;
        }

        public IReadOnlyList<long> Versions { get { lock (_seen) return _seen.Select(s => s.Version).ToList(); } }

        public bool Got(long version)
        {
            lock (_seen) return _seen.Exists(s => s.Version == version);
        }

        internal void Saw(long version, long at)
        {
            lock (_seen) _seen.Add((version, at));
            _first.TrySetResult();
        }

        internal void Fail(Exception e)
        {
            Failure = e;
            _first.TrySetException(e);
        }
    }
}
