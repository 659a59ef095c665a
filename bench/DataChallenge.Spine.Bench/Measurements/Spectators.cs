using System.Diagnostics;
using System.Globalization;

namespace DataChallenge.Spine.Bench.Measurements;

/// <summary>
/// Live viewers at scale: a board of many teams, a crowd of viewers on its live stream, then new scores one at a time.
/// Measured twice in the same run: with the whole board sent at every change (<c>?full=1</c>, the stream as it was
/// before deltas) and with deltas (the default).
/// </summary>
public static class Spectators
{
    public static async Task RunAsync(Arena arena, int? serverPid, int viewers, int teams, int updates, Report report, CancellationToken cancellationToken)
    {
        Console.WriteLine($"  filling the board with {teams} teams");
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, teams, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, token) => await ScoreAsync(arena, $"team-{i}", i, token));
        Console.WriteLine($"  board filled in {stopwatch.Elapsed.TotalSeconds:0} s");

        report.Title($"Live board: {viewers:N0} viewers of a {teams}-team board, {updates} new scores per way (after 1 warm-up)");
        var medians = new Dictionary<bool, (double P50, double P99, double Bytes)>();
        foreach (var wholeBoards in new[] { true, false })
        {
            var way = wholeBoards ? "whole" : "delta";
            Console.WriteLine($"  {way}: opening {viewers} viewers");
            await using var crowd = await Crowd.OpenAsync(arena.Server, arena.PhaseId, viewers, wholeBoards, cancellationToken);
            var latencies = new List<double>();
            var bytes = new List<double>();
            for (var update = 0; update <= updates; update++)
            {
                var team = await arena.NewTeamAsync($"spectated-{update}", cancellationToken);
                var seen = crowd.ExpectAsync(team.TeamId);
                var before = crowd.Bytes;
                var start = Stopwatch.GetTimestamp();
                await team.Client.SubmitAsync(arena.PhaseId, new ByteArrayContent(arena.Files.PredictionsCsv(seed: 5000 + update + (wholeBoards ? 0 : 100))), cancellationToken);
                var at = await seen.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
                // The interval estimate follows the score as a change of its own; both belong to this update's bytes.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                var perViewer = (crowd.Bytes - before) / (double)viewers;
                var each = at.Select(t => Stopwatch.GetElapsedTime(start, t).TotalMilliseconds).ToList();
                var summary = new Summary(each);
                Console.WriteLine($"    {(update == 0 ? "warm-up" : $"update {update}"),-9} p50 {Summary.Ms(summary.Median),9}  p99 {Summary.Ms(summary.Percentile(99)),9}  {perViewer,9:N0} B per viewer");
                if (update == 0) continue;
                latencies.AddRange(each);
                bytes.Add(perViewer);
            }
            var all = new Summary(latencies);
            var bytesMedian = new Summary(bytes).Median;
            medians[wholeBoards] = (all.Median, all.Percentile(99), bytesMedian);
            report.Line($"{way}: upload -> all viewers p50", Summary.Ms(all.Median));
            report.Line($"{way}: upload -> all viewers p99", Summary.Ms(all.Percentile(99)));
            report.Line($"{way}: bytes per update per viewer", $"{bytesMedian:N0} B (median; score and interval events)");
            if (serverPid is { } pid) report.Line($"{way}: server memory (RSS)", Rss(pid));
        }
        var (full, delta) = (medians[true], medians[false]);
        report.Line("bytes: whole boards / deltas", Ratio(full.Bytes, delta.Bytes));
        report.Line("p50: whole boards / deltas", Ratio(full.P50, delta.P50));
        report.Line("p99: whole boards / deltas", Ratio(full.P99, delta.P99));
        report.Note("whole: the whole board at every change (?full=1, serialised per viewer as before deltas); delta: the default.");
        report.Note("Latency is from the first byte of the upload to the viewer's read; it includes scoring a small file.");
    }

    private static async Task ScoreAsync(Arena arena, string name, int seed, CancellationToken cancellationToken)
    {
        var (client, _) = await arena.NewTeamAsync(name, cancellationToken);
        var id = await client.SubmitAsync(arena.PhaseId, new ByteArrayContent(arena.Files.PredictionsCsv(seed)), cancellationToken);
        await client.WaitForOutcomeAsync(id, TimeSpan.FromMinutes(5), cancellationToken);
    }

    private static string Ratio(double a, double b) => b > 0 ? (a / b).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "n/a";

    private static string Rss(int pid)
    {
        var line = File.Exists($"/proc/{pid}/status") ? File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) : null;
        return line is null ? "unknown" : line["VmRSS:".Length..].Trim();
    }
}
