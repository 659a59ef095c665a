using System.Buffers;
using System.Diagnostics;

namespace DataChallenge.Spine.Bench;

/// <summary>
/// Open-loop GETs of one path at a fixed rate, for a set time or until stopped. Each latency counts from the request's
/// scheduled send time, so a stalled server shows up as latency instead of as fewer requests. A body is read through a
/// pooled buffer and counted as it came, compressed or not: buffering each whole answer in an array of its own would
/// make the load generator, on the server's cores, collect a large object per read.
/// </summary>
public static class FixedRateReads
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private const int BufferBytes = 64 * 1024;

    /// <param name="BytesPerRead">The bytes of a body as sent (mean over the reads).</param>
    public sealed record Result(Summary Latencies, Summary Lag, int Errors, double SendRate, double BytesPerRead);

    /// <param name="duration">How long to send; null sends until <paramref name="stop"/> is cancelled.</param>
    public static async Task<Result> RunAsync(HttpClient readers, string path, int rate, TimeSpan? duration, CancellationToken stop)
    {
        var total = duration is { } d ? (int)(rate * d.TotalSeconds) : int.MaxValue;
        var lag = new List<double>();
        var errors = 0;
        var requests = new List<Task<(double Latency, long Bytes)>>();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total && !stop.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                try { await Task.Delay(wait, stop); }
                catch (OperationCanceledException) { break; }
            }
            lag.Add(Math.Max(0, (Stopwatch.GetElapsedTime(start) - due).TotalMilliseconds));
            requests.Add(Task.Run(async () =>
            {
                var bytes = 0L;
                var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
                try
                {
                    using var response = await readers.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
                    await using var body = await response.Content.ReadAsStreamAsync(CancellationToken.None);
                    for (int read; (read = await body.ReadAsync(buffer, CancellationToken.None)) > 0;) bytes += read;
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Interlocked.Increment(ref errors);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                return ((Stopwatch.GetElapsedTime(start) - due).TotalMilliseconds, bytes);
            }, CancellationToken.None));
        }
        var sendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var reads = await Task.WhenAll(requests);
        return new Result(new Summary(reads.Select(r => r.Latency)), new Summary(lag), errors, requests.Count / sendSeconds,
            reads.Length == 0 ? 0 : reads.Average(r => r.Bytes));
    }
}
