using System.Diagnostics;

namespace DataChallenge.Spine.Bench.Measurements;

/// <summary>
/// Streams a large upload with a wrong header (rejected at once by the worker) and samples the server process's
/// resident memory every 50 ms from before the upload until its outcome is known: the body must not be buffered.
/// </summary>
public static class UploadMemory
{
    public static async Task RunAsync(Arena arena, int serverPid, long bytes, double goalGrowthMb, Report report, CancellationToken cancellationToken)
    {
        var phaseId = await arena.Organiser.CreatePhaseAsync(arena.Slug, maxFileBytes: 2L << 30, cancellationToken);
        await arena.Organiser.UploadLabelsAsync(phaseId, new BenchFiles(100).LabelsCsv(), cancellationToken);
        var team = await arena.NewTeamAsync("big-upload", cancellationToken);

        // Let whatever the previous measurement left settle before the baseline is taken.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var before = RssMb(serverPid);
        using var stopSampling = new CancellationTokenSource();
        var sampling = SamplePeakAsync(serverPid, stopSampling.Token);

        Console.WriteLine($"  uploading {bytes / (1 << 20)} MB with a wrong header; server RSS before: {before:0} MB");
        var start = Stopwatch.GetTimestamp();
        using var uploader = new HttpClient { BaseAddress = arena.Server, Timeout = TimeSpan.FromMinutes(10) };
        var client = new SpineClient(uploader, team.Client.Token);
        var submissionId = await client.SubmitAsync(phaseId, new WrongHeaderUpload(bytes), cancellationToken);
        var uploadSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var outcome = await client.WaitForOutcomeAsync(submissionId, TimeSpan.FromMinutes(2), cancellationToken);
        var outcomeSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await stopSampling.CancelAsync();
        var (peak, samples) = await sampling;

        var status = outcome.GetProperty("status").GetString();
        var message = outcome.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        report.Title($"Memory during a {bytes / (1 << 20)} MB upload (server RSS from /proc/{{pid}}/status, sampled every 50 ms)");
        report.Line("RSS before", $"{before:0} MB");
        report.Line("RSS peak", $"{peak:0} MB ({samples} samples)");
        report.Line("growth", $"{peak - before:0} MB   goal < {goalGrowthMb:0} MB: {(peak - before < goalGrowthMb ? "MET" : "NOT MET")}");
        report.Line("upload until 202", $"{uploadSeconds:0.0} s ({bytes / 1e6 / uploadSeconds:0} MB/s)");
        report.Line("outcome", $"{status} after {outcomeSeconds:0.0} s: {(message.Length > 70 ? message[..70] + "…" : message)}");
    }

    private static async Task<(double PeakMb, int Samples)> SamplePeakAsync(int pid, CancellationToken cancellationToken)
    {
        var peak = 0.0;
        var samples = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        do
        {
            peak = Math.Max(peak, RssMb(pid));
            samples++;
        }
        while (await WaitAsync(timer, cancellationToken));
        return (Math.Max(peak, RssMb(pid)), samples + 1);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>VmRSS of the process, in MiB.</summary>
    public static double RssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
