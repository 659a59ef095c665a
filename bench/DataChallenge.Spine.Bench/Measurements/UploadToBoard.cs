using System.Diagnostics;

namespace DataChallenge.Spine.Bench.Measurements;

/// <summary>
/// Time from the first byte of a 100k-row upload until the live board shows the uploading team, one new team per
/// run so every run adds a row. The board's stream is open before the upload starts, as a watching browser's is.
/// </summary>
public static class UploadToBoard
{
    // The server's own timestamps split the total: queueing and scoring happen between these two.
    private static double ReceivedToFinishedMs(System.Text.Json.JsonElement submission)
        => submission.TryGetProperty("finishedAt", out var finished) && finished.ValueKind == System.Text.Json.JsonValueKind.String
            ? (finished.GetDateTimeOffset() - submission.GetProperty("receivedAt").GetDateTimeOffset()).TotalMilliseconds
            : double.NaN;

    public static async Task RunAsync(Arena arena, int runs, double goalMs, Report report, CancellationToken cancellationToken)
    {
        await using var watcher = new BoardWatcher(arena.Server, arena.PhaseId);
        await watcher.Connected.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        var totals = new List<double>();
        var accepted = new List<double>();
        var onServer = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var warmUp = run == 0;
            var team = await arena.NewTeamAsync($"latency-{run}", cancellationToken);
            var file = arena.Files.PredictionsCsv(seed: 1000 + run);
            var seen = watcher.TeamSeenAsync(team.TeamId);

            var start = Stopwatch.GetTimestamp();
            var submissionId = await team.Client.SubmitAsync(arena.PhaseId, new ByteArrayContent(file), cancellationToken);
            var acceptedAt = Stopwatch.GetTimestamp();
            if (await Task.WhenAny(seen, Task.Delay(TimeSpan.FromSeconds(60), cancellationToken)) != seen)
            {
                var outcome = await team.Client.SubmissionAsync(submissionId, cancellationToken);
                throw new TimeoutException($"Run {run}: the team never reached the board within 60 s; submission is {outcome}.");
            }
            var total = Stopwatch.GetElapsedTime(start, await seen).TotalMilliseconds;
            var ack = Stopwatch.GetElapsedTime(start, acceptedAt).TotalMilliseconds;
            var scoring = ReceivedToFinishedMs(await team.Client.SubmissionAsync(submissionId, cancellationToken));
            Console.WriteLine($"  {(warmUp ? "warm-up" : $"run {run}"),-8} upload accepted {Summary.Ms(ack),10}   received->scored {Summary.Ms(scoring),10}   on the board {Summary.Ms(total),10}");
            if (warmUp) continue;
            totals.Add(total);
            accepted.Add(ack);
            onServer.Add(scoring);
        }

        var board = new Summary(totals);
        var ackSummary = new Summary(accepted);
        report.Title($"Upload -> visible on the leaderboard ({arena.Files.Rows:N0}-row file, {runs} runs after 1 warm-up, live SSE board)");
        report.Line("runs (ms)", string.Join("  ", totals.Select(t => t.ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
        report.Line("median (p50)", $"{Summary.Ms(board.Median),-10}  {Summary.Goal(board.Median, goalMs, "p50")}");
        report.Line("p90", Summary.Ms(board.Percentile(90)));
        report.Line("min / max", $"{Summary.Ms(board.Min)} / {Summary.Ms(board.Max)}");
        report.Line("of which upload until 202 (p50)", Summary.Ms(ackSummary.Median));
        report.Line("of which received -> scored (p50)", $"{Summary.Ms(new Summary(onServer).Median),-10}  (server's receivedAt..finishedAt: queue + scoring)");
    }
}
