using System.Diagnostics;
using System.Globalization;

namespace DataChallenge.Spine.Bench.Measurements;

/// <summary>
/// Live viewers at scale: a board of many teams, a crowd of viewers on its live stream, then new scores one at a time
/// while board reads continue at a fixed rate. Each way is measured in turn: whole boards at every change (<c>?full=1</c>,
/// the stream as it was before deltas) and deltas (the default).
/// </summary>
public static class Spectators
{
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(Arena arena, int? serverPid, SpectatorOptions options, Report report, CancellationToken cancellationToken)
    {
        Console.WriteLine($"  filling the board with {options.Teams} teams");
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, options.Teams, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, token) => await ScoreAsync(arena, $"team-{i}", i, token));
        Console.WriteLine($"  board filled in {stopwatch.Elapsed.TotalSeconds:0} s");

        report.Title($"Live board: {options.Viewers:N0} viewers of a {options.Teams}-team board, {options.Updates} new scores per way (after 1 warm-up), "
            + $"board reads at {options.ReadRate}/s meanwhile");
        var medians = new Dictionary<bool, (double P50, double P99, double Bytes)>();
        foreach (var wholeBoards in options.Ways)
        {
            var way = wholeBoards ? "whole" : "delta";
            var outcome = await MeasureAsync(arena, options, wholeBoards, cancellationToken);
            medians[wholeBoards] = (outcome.Latencies.Median, outcome.Latencies.Percentile(99), outcome.BytesPerViewer);
            report.Line($"{way}: upload -> all viewers p50", Summary.Ms(outcome.Latencies.Median));
            report.Line($"{way}: upload -> all viewers p99", $"{Summary.Ms(outcome.Latencies.Percentile(99))}   "
                + Summary.Goal(outcome.Latencies.Percentile(99), 1000, "p99"));
            report.Line($"{way}: missed updates", $"{outcome.Missed} (viewer, version) pairs over {outcome.Viewers} viewers; "
                + $"{outcome.Late} deliveries not within {UpdateTimeout.TotalSeconds:0} s; {outcome.Dropped} streams ended early");
            report.Line($"{way}: bytes per update per viewer", $"{outcome.BytesPerViewer:N0} B (median; score and interval events)");
            if (serverPid is { } pid) report.Line($"{way}: server memory", Memory(pid));
            var reads = outcome.Reads;
            report.Line($"{way}: board reads meanwhile", $"{reads.SendRate:0} req/s achieved, {reads.Latencies.Count} requests, {reads.Errors} errors");
            report.Line($"{way}: bytes per board read", $"{reads.BytesPerRead:N0} B gzipped; {outcome.PlainReadBytes:N0} B as plain JSON ({Ratio(outcome.PlainReadBytes, reads.BytesPerRead)})");
            report.Line($"{way}: board reads p50 / p99", $"{Summary.Ms(reads.Latencies.Median)} / {Summary.Ms(reads.Latencies.Percentile(99))}   "
                + Summary.Goal(reads.Latencies.Percentile(99), 50, "p99"));
            var slow = reads.Latencies.Values.Count(ms => ms >= 50);
            report.Line($"{way}: board reads of 50 ms or more", $"{slow} ({100.0 * slow / Math.Max(1, reads.Latencies.Count):0.0}%), slowest {Summary.Ms(reads.Latencies.Max)}");
        }
        if (medians.Count == 2)
        {
            var (full, delta) = (medians[true], medians[false]);
            report.Line("bytes: whole boards / deltas", Ratio(full.Bytes, delta.Bytes));
            report.Line("p50: whole boards / deltas", Ratio(full.P50, delta.P50));
            report.Line("p99: whole boards / deltas", Ratio(full.P99, delta.P99));
        }
        report.Note("whole: the whole board at every change (?full=1, serialised per viewer as before deltas); delta: the default.");
        report.Note("Latency is from the first byte of the upload to the viewer's read of the version holding the new score; it includes scoring a small file.");
        report.Note("Missed: a viewer that never received a version some viewer received while it was connected. Reads: open loop, from scheduled send time, sent by a process of their own after a second of unmeasured warm-up.");
    }

    private sealed record Outcome(Summary Latencies, int Missed, int Late, int Dropped, int Viewers, double BytesPerViewer, FixedRateReads.Result Reads,
        int PlainReadBytes);

    private static async Task<Outcome> MeasureAsync(Arena arena, SpectatorOptions options, bool wholeBoards, CancellationToken cancellationToken)
    {
        var way = wholeBoards ? "whole" : "delta";
        // One viewer that parses every event tells which version carries each new score.
        await using var watcher = new BoardWatcher(options.LiveServer, arena.PhaseId);
        await watcher.Connected.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        Console.WriteLine($"  {way}: opening {options.Viewers} viewers");
        var opening = Stopwatch.StartNew();
        await using var crowd = await Crowd.OpenAsync(options.LiveServer, arena.PhaseId, options.Viewers, wholeBoards, cancellationToken);
        Console.WriteLine($"  {way}: {options.Viewers} viewers open in {opening.Elapsed.TotalSeconds:0.0} s");

        var path = $"/api/phases/{arena.PhaseId}/leaderboard";
        // The readers ask for gzip as browsers do; one read without it tells what compression saves.
        using var plain = new HttpClient { BaseAddress = options.ReadServer };
        var plainBytes = (await plain.GetByteArrayAsync(path, cancellationToken)).Length;
        using var reader = options.ReadRate > 0
            ? await ReaderProcess.StartAsync(options.ReadServer, path, options.ReadRate, options.ReadConnections, cancellationToken)
            : null;

        var (latencies, bytes, targets) = (new List<double>(), new List<double>(), new List<long>());
        var late = 0;
        for (var update = 0; update <= options.Updates; update++)
        {
            var team = await arena.NewTeamAsync($"spectated-{way}-{update}", cancellationToken);
            var carried = watcher.TeamVersionAsync(team.TeamId);
            var before = crowd.Bytes;
            var start = Stopwatch.GetTimestamp();
            await team.Client.SubmitAsync(arena.PhaseId, new ByteArrayContent(arena.Files.PredictionsCsv(seed: 5000 + update + (wholeBoards ? 0 : 100))), cancellationToken);
            var version = await carried.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
            var deadline = Stopwatch.GetTimestamp() + (long)(UpdateTimeout.TotalSeconds * Stopwatch.Frequency);
            while (crowd.Viewers.Any(v => v.Failure is null && v.Latest < version) && Stopwatch.GetTimestamp() < deadline)
                await Task.Delay(20, cancellationToken);
            // The interval estimate follows the score as a change of its own; both belong to this update's bytes.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var reached = crowd.Viewers.Select(v => v.ReachedAt(version)).ToList();
            var each = reached.OfType<long>().Select(t => Stopwatch.GetElapsedTime(start, t).TotalMilliseconds).ToList();
            var summary = new Summary(each);
            var perViewer = (crowd.Bytes - before) / (double)options.Viewers;
            Console.WriteLine($"    {(update == 0 ? "warm-up" : $"update {update}"),-9} v{version,-5} p50 {Summary.Ms(summary.Median),9}  p99 {Summary.Ms(summary.Percentile(99)),9}  "
                + $"{perViewer,9:N0} B per viewer  {reached.Count(r => r is null)} not reached");
            if (update == 0) continue;
            targets.Add(version);
            latencies.AddRange(each);
            late += reached.Count(r => r is null);
            bytes.Add(perViewer);
        }
        var reads = reader is null ? new FixedRateReads.Result(new Summary([]), new Summary([]), 0, 0, 0) : await reader.StopAsync();
        return new Outcome(new Summary(latencies), Missed(crowd, targets), late, crowd.Viewers.Count(v => v.Failure is not null), options.Viewers,
            new Summary(bytes).Median, reads, plainBytes);
    }

    /// <summary>Versions from the first measured one on that some viewer received and another, still connected, did not.</summary>
    private static int Missed(Crowd crowd, List<long> targets)
    {
        if (targets.Count == 0) return 0;
        var sent = crowd.Viewers.SelectMany(v => v.Versions).Where(v => v >= targets[0]).Concat(targets).ToHashSet();
        return crowd.Viewers.Where(v => v.Failure is null).Sum(viewer => sent.Count(version => !viewer.Got(version)));
    }

    private static async Task ScoreAsync(Arena arena, string name, int seed, CancellationToken cancellationToken)
    {
        var (client, _) = await arena.NewTeamAsync(name, cancellationToken);
        var id = await client.SubmitAsync(arena.PhaseId, new ByteArrayContent(arena.Files.PredictionsCsv(seed)), cancellationToken);
        await client.WaitForOutcomeAsync(id, TimeSpan.FromMinutes(5), cancellationToken);
    }

    private static string Ratio(double a, double b) => b > 0 ? (a / b).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "n/a";

    /// <summary>The server's resident memory now and its peak (VmRSS, VmHWM).</summary>
    private static string Memory(int pid)
    {
        if (!File.Exists($"/proc/{pid}/status")) return "unknown";
        var lines = File.ReadLines($"/proc/{pid}/status").ToList();
        string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[name.Length..].Trim() ?? "?";
        return $"RSS {Field("VmRSS:")} now, peak {Field("VmHWM:")}";
    }
}

/// <summary>The live-board benchmark's settings: N viewers of a T-team board, the ways measured, the reads meanwhile.</summary>
/// <param name="Ways">true for whole boards at every change, false for deltas; measured in this order.</param>
/// <param name="LiveServer">Where the viewers watch; <paramref name="ReadServer"/>, where the reads go (the same server, or two leaderboard replicas).</param>
public sealed record SpectatorOptions(int Viewers, int Teams, int Updates, IReadOnlyList<bool> Ways, int ReadRate, int ReadConnections,
    Uri LiveServer, Uri ReadServer);
