using System.Diagnostics;
using System.Text;

namespace DataChallenge.Spine.Bench;

/// <summary>
/// Many live-board viewers on one phase, each on its own connection. They count the bytes they receive and note when
/// an awaited team first shows up in their stream, without parsing the events, so the load generator stays cheap.
/// </summary>
public sealed class Crowd : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];
    private TaskCompletionSource<long>[] _seen = [];
    private byte[]? _awaited;
    private long _bytes;

    private Crowd(Uri server) => _http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Bytes received by all viewers so far.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public static async Task<Crowd> OpenAsync(Uri server, Guid phaseId, int viewers, bool wholeBoards, CancellationToken cancellationToken)
    {
        var crowd = new Crowd(server);
        var path = $"/api/phases/{phaseId}/leaderboard/live{(wholeBoards ? "?full=1" : "")}";
        crowd._seen = new TaskCompletionSource<long>[viewers];
        for (var batch = 0; batch < viewers; batch += 50)
        {
            var opened = Enumerable.Range(batch, Math.Min(50, viewers - batch)).Select(i => crowd.OpenOneAsync(path, i, cancellationToken)).ToList();
            await Task.WhenAll(opened);
        }
        return crowd;
    }

    /// <summary>Starts waiting for the team's row; completes with each viewer's Stopwatch timestamp of first sight.</summary>
    public Task<long[]> ExpectAsync(Guid teamId)
    {
        var seen = _seen.Select(_ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        Volatile.Write(ref _seen, seen);
        Volatile.Write(ref _awaited, Encoding.UTF8.GetBytes(teamId.ToString()));
        return Task.WhenAll(seen.Select(s => s.Task));
    }

    private async Task OpenOneAsync(string path, int index, CancellationToken cancellationToken)
    {
        var response = await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _readers.Add(Task.Run(() => ReadAsync(response, stream, index, first, _stop.Token), CancellationToken.None));
        await first.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
    }

    private async Task ReadAsync(HttpResponseMessage response, Stream stream, int index, TaskCompletionSource first, CancellationToken cancellationToken)
    {
        // A team id split across two reads is still found: the tail of the previous read is kept in front.
        const int Keep = 36;
        var buffer = new byte[Keep + 64 * 1024];
        var kept = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(kept), cancellationToken)) > 0)
            {
                var now = Stopwatch.GetTimestamp();
                Interlocked.Add(ref _bytes, read);
                first.TrySetResult();
                var window = buffer.AsSpan(0, kept + read);
                if (Volatile.Read(ref _awaited) is { } awaited && window.IndexOf(awaited) >= 0) Volatile.Read(ref _seen)[index].TrySetResult(now);
                kept = Math.Min(Keep, window.Length);
                window[^kept..].CopyTo(buffer);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            first.TrySetException(e);
            Volatile.Read(ref _seen)[index].TrySetException(e);
        }
        finally
        {
            response.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_readers);
        _http.Dispose();
        _stop.Dispose();
    }
}
