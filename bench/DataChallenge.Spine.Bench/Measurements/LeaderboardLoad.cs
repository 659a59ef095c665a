using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DataChallenge.Spine.Bench.Measurements;

/// <summary>
/// Open-loop reads of the public board at a fixed rate while a team keeps submitting. Each latency counts from the
/// request's scheduled send time, so a stalled server shows up as latency instead of as fewer requests.
/// </summary>
public static partial class LeaderboardLoad
{
    public static async Task RunAsync(Arena arena, int rate, int seconds, int connections, int wrkSeconds, double goalP99Ms, Report report, CancellationToken cancellationToken)
    {
        using var readers = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = arena.Server, Timeout = FixedRateReads.RequestTimeout };
        var path = $"/api/phases/{arena.PhaseId}/leaderboard";
        for (var i = 0; i < 200; i++) (await readers.GetAsync(path, cancellationToken)).EnsureSuccessStatusCode();

        // The same reads with nothing else going on: tells the read path's own cost from the cost of sharing the cores with scoring.
        var baselineSeconds = Math.Clamp(seconds / 6, 5, 10);
        Console.WriteLine($"  baseline: {rate}/s for {baselineSeconds} s, no submissions");
        var baseline = await FixedRateAsync(readers, path, rate, baselineSeconds, cancellationToken);

        using var stopSubmitting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var submitter = await arena.NewTeamAsync("load-submitter", cancellationToken);
        var submitted = new List<Guid>();
        var submitting = KeepSubmittingAsync(arena, submitter.Client, submitted, stopSubmitting.Token);

        Console.WriteLine($"  under load: {rate}/s for {seconds} s over {connections} connections, one 100k-row upload per second meanwhile");
        var loaded = await FixedRateAsync(readers, path, rate, seconds, cancellationToken);

        // Counted when the reads end: what the platform scored while it was also serving them.
        var outcomes = new List<string>();
        foreach (var id in submitted.ToArray())
            outcomes.Add((await submitter.Client.SubmissionAsync(id, cancellationToken)).GetProperty("status").GetString()!);

        string[] wrkLines = wrkSeconds > 0 ? await WrkAsync(new Uri(arena.Server, path), wrkSeconds, cancellationToken) : ["skipped"];
        await stopSubmitting.CancelAsync();
        await submitting;

        report.Title($"Leaderboard reads (GET {path.Replace(arena.PhaseId.ToString(), "{id}")}, open loop at a fixed rate, {connections} connections)");
        report.Note($"latency counts from each request's scheduled send time; a failed or timed-out ({FixedRateReads.RequestTimeout.TotalSeconds:0} s) request counts with its time");
        report.Line("", $"{"baseline, idle",-22}{"while scoring (judged)",-22}");
        Row(report, "duration", $"{baselineSeconds} s", $"{seconds} s");
        Row(report, "achieved send rate", $"{baseline.SendRate:0} req/s", $"{loaded.SendRate:0} req/s");
        Row(report, "requests / errors", $"{baseline.Latencies.Count} / {baseline.Errors}", $"{loaded.Latencies.Count} / {loaded.Errors}");
        foreach (var p in new[] { 50, 90, 99 })
            Row(report, $"p{p}", Summary.Ms(baseline.Latencies.Percentile(p)), Summary.Ms(loaded.Latencies.Percentile(p)));
        Row(report, "max", Summary.Ms(baseline.Latencies.Max), Summary.Ms(loaded.Latencies.Max));
        Row(report, "send lag p99 (driver's own delay)", Summary.Ms(baseline.Lag.Percentile(99)), Summary.Ms(loaded.Lag.Percentile(99)));
        report.Line("goal", Summary.Goal(loaded.Latencies.Percentile(99), goalP99Ms, "p99 while scoring"));
        report.Line("submissions meanwhile", $"{outcomes.Count} uploaded, {outcomes.Count(s => s == "Scored")} scored by the end of the reads, " +
            $"{outcomes.Count(s => s is "Received" or "Scoring")} still queued, {outcomes.Count(s => s is "Rejected" or "Failed")} rejected/failed");
        report.Line($"wrk -t2 -c8 -d{wrkSeconds}s (max throughput)", wrkLines[0]);
        foreach (var line in wrkLines.Skip(1)) report.Line("", line);
    }

    private static void Row(Report report, string label, string baseline, string loaded) => report.Line(label, $"{baseline,-22}{loaded,-22}");

    private static Task<FixedRateReads.Result> FixedRateAsync(HttpClient readers, string path, int rate, int seconds, CancellationToken cancellationToken)
        => FixedRateReads.RunAsync(readers, path, rate, TimeSpan.FromSeconds(seconds), cancellationToken);

    private static async Task KeepSubmittingAsync(Arena arena, SpineClient team, List<Guid> submitted, CancellationToken cancellationToken)
    {
        try
        {
            for (var seed = 5000; !cancellationToken.IsCancellationRequested; seed++)
            {
                var next = Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                var id = await team.SubmitAsync(arena.PhaseId, new ByteArrayContent(arena.Files.PredictionsCsv(seed)), cancellationToken);
                lock (submitted) submitted.Add(id);
                await next;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Debian's wrk, closed loop as fast as it can: a throughput ceiling, not the judged figure.</summary>
    private static async Task<string[]> WrkAsync(Uri url, int seconds, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("wrk", ["-t2", "-c8", $"-d{seconds}s", "--latency", url.ToString()]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process? wrk;
        try
        {
            wrk = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return ["not run: wrk is not installed (apt-get install wrk)"];
        }
        if (wrk is null) return ["not run: wrk did not start"];
        Console.WriteLine($"  wrk: {seconds} s closed loop, 2 threads, 8 connections");
        var output = await wrk.StandardOutput.ReadToEndAsync(cancellationToken);
        await wrk.WaitForExitAsync(cancellationToken);
        var requests = RequestsPerSecond().Match(output);
        var percentiles = WrkPercentile().Matches(output).Select(m => $"{m.Groups[1].Value}% {m.Groups[2].Value}");
        var errors = output.Split('\n').Where(l => l.Contains("Non-2xx", StringComparison.Ordinal) || l.Contains("Socket errors", StringComparison.Ordinal)).Select(l => l.Trim());
        return [requests.Success ? $"{requests.Groups[1].Value} req/s" : "no Requests/sec line: " + output.Trim(), "latency " + string.Join(", ", percentiles), .. errors];
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+(50|90|99)%\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex WrkPercentile();
}
