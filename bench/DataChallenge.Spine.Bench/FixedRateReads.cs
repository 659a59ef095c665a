using System.Diagnostics;

namespace DataChallenge.Spine.Bench;

/// <summary>
/// Open-loop GETs of one path at a fixed rate, for a set time or until stopped. Each latency counts from the request's
/// scheduled send time, so a stalled server shows up as latency instead of as fewer requests.
/// </summary>
public static class FixedRateReads
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public sealed record Result(Summary Latencies, Summary Lag, int Errors, double SendRate);

    /// <param name="duration">How long to send; null sends until <paramref name="stop"/> is cancelled.</param>
    public static async Task<Result> RunAsync(HttpClient readers, string path, int rate, TimeSpan? duration, CancellationToken stop)
    {
        var total = duration is { } d ? (int)(rate * d.TotalSeconds) : int.MaxValue;
        var lag = new List<double>();
        var errors = 0;
        var requests = new List<Task<double>>();
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
                try
                {
                    using var response = await readers.GetAsync(path, CancellationToken.None);
                    await response.Content.LoadIntoBufferAsync(CancellationToken.None);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
                return (Stopwatch.GetElapsedTime(start) - due).TotalMilliseconds;
            }, CancellationToken.None));
        }
        var sendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var latencies = await Task.WhenAll(requests);
        return new Result(new Summary(latencies), new Summary(lag), errors, requests.Count / sendSeconds);
    }
}
