using System.Diagnostics;
using System.Text.Json;

namespace DataChallenge.Spine.Bench.Measurements;

/// <summary>One upload's timings in milliseconds: until the 202, received..finished on the server, until on the board.</summary>
public readonly record struct UploadTimings(double Accepted, double Scoring, double Total);

/// <summary>
/// Time from the first byte of a 100k-row upload until the live board shows the uploading team, one new team per
/// run so every run adds a row. The board's stream is open before the upload starts, as a watching browser's is.
/// </summary>
public static class UploadToBoard
{
    // The server's own timestamps split the total: queueing and scoring happen between these two.
    private static double ReceivedToFinishedMs(JsonElement submission)
        => submission.TryGetProperty("finishedAt", out var finished) && finished.ValueKind == JsonValueKind.String
            ? (finished.GetDateTimeOffset() - submission.GetProperty("receivedAt").GetDateTimeOffset()).TotalMilliseconds
            : double.NaN;

    public static async Task RunAsync(Arena arena, int runs, double goalMs, Report report, CancellationToken cancellationToken)
    {
        await using var watcher = new BoardWatcher(arena.Server, arena.PhaseId);
        await watcher.Connected.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        var timings = new List<UploadTimings>();
        for (var run = 0; run <= runs; run++)
        {
            var timing = await OnceAsync(arena, watcher, "latency", run, run == 0 ? "warm-up" : $"run {run}", cancellationToken);
            if (run > 0) timings.Add(timing);
        }

        var board = new Summary(timings.Select(t => t.Total));
        report.Title($"Upload -> visible on the leaderboard ({arena.Files.Rows:N0}-row file, {runs} runs after 1 warm-up, live SSE board)");
        report.Line("runs (ms)", string.Join("  ", timings.Select(t => t.Total.ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
        report.Line("median (p50)", $"{Summary.Ms(board.Median),-10}  {Summary.Goal(board.Median, goalMs, "p50")}");
        report.Line("p90", Summary.Ms(board.Percentile(90)));
        report.Line("min / max", $"{Summary.Ms(board.Min)} / {Summary.Ms(board.Max)}");
        report.Line("of which upload until 202 (p50)", Summary.Ms(new Summary(timings.Select(t => t.Accepted)).Median));
        report.Line("of which received -> scored (p50)", $"{Summary.Ms(new Summary(timings.Select(t => t.Scoring)).Median),-10}  (server's receivedAt..finishedAt: queue + scoring)");
    }

    /// <summary>A new team uploads one predictions file; returns once its row is on the board the watcher follows.</summary>
    public static async Task<UploadTimings> OnceAsync(Arena arena, BoardWatcher watcher, string teamPrefix, int run, string label, CancellationToken cancellationToken)
    {
        var team = await arena.NewTeamAsync($"{teamPrefix}-{run}", cancellationToken);
        var file = arena.Files.PredictionsCsv(seed: 1000 + run);
        var seen = watcher.TeamSeenAsync(team.TeamId);

        var start = Stopwatch.GetTimestamp();
        var submissionId = await team.Client.SubmitAsync(arena.PhaseId, new ByteArrayContent(file), cancellationToken);
        var acceptedAt = Stopwatch.GetTimestamp();
        if (await Task.WhenAny(seen, Task.Delay(TimeSpan.FromSeconds(60), cancellationToken)) != seen)
        {
            var outcome = await team.Client.SubmissionAsync(submissionId, cancellationToken);
            throw new TimeoutException($"{label}: the team never reached the board within 60 s; submission is {outcome}.");
        }
        var timing = new UploadTimings(Stopwatch.GetElapsedTime(start, acceptedAt).TotalMilliseconds,
            ReceivedToFinishedMs(await team.Client.SubmissionAsync(submissionId, cancellationToken)), Stopwatch.GetElapsedTime(start, await seen).TotalMilliseconds);
        Console.WriteLine($"  {label,-12} upload accepted {Summary.Ms(timing.Accepted),10}   received->scored {Summary.Ms(timing.Scoring),10}   on the board {Summary.Ms(timing.Total),10}");
        return timing;
    }
}
