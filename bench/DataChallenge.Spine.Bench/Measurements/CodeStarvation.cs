using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace DataChallenge.Spine.Bench.Measurements;

/// <summary>
/// Upload -> board of prediction files one at a time, first with the run-code queue empty (the baseline), then while
/// competitors' code in another challenge keeps that queue fuller than the worker runs at once, each run busy on the CPU.
/// Code runs have a queue and a concurrency of their own: the second figure should stay near the first.
/// </summary>
public static class CodeStarvation
{
    public static async Task RunAsync(Arena arena, int runs, int backlog, int cpuSeconds, double goalMs, Report report, CancellationToken cancellationToken)
    {
        await using var watcher = new BoardWatcher(arena.Server, arena.PhaseId);
        await watcher.Connected.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        Console.WriteLine("  baseline: the run-code queue is empty");
        await UploadToBoard.OnceAsync(arena, watcher, "baseline", 0, "warm-up", cancellationToken);
        var baseline = await MeasureAsync(arena, watcher, "baseline", runs, null, cancellationToken);

        var (coder, phaseId) = await CodeChallengeAsync(arena, cancellationToken);
        await using var load = new CodeRunLoad(coder, phaseId, BusyCode(cpuSeconds), backlog);
        Console.WriteLine($"  waiting for the first code run to start ({backlog} kept unfinished, {cpuSeconds} s of CPU each)");
        await load.FirstRunningAsync(TimeSpan.FromMinutes(2), cancellationToken);
        Console.WriteLine("  under load: code runs keep the run-code queue full");
        var loaded = await MeasureAsync(arena, watcher, "loaded", runs, load, cancellationToken);

        var quiet = new Summary(baseline.Select(t => t.Total));
        var busy = new Summary(loaded.Select(t => t.Total));
        report.Title($"Upload -> board while code runs keep their queue full ({arena.Files.Rows:N0}-row files, {runs} runs per phase after 1 warm-up)");
        report.Note($"code load: {backlog} smoke runs kept unfinished in another challenge, each a Python loop of {cpuSeconds} s of CPU");
        Phase(report, "baseline (run-code queue empty)", quiet, baseline);
        Phase(report, "under load (run-code queue full)", busy, loaded);
        report.Line("ratio of the medians (load/base)", (busy.Median / quiet.Median).ToString("0.00", CultureInfo.InvariantCulture));
        report.Line("ratio of the p99s (load/base)", (busy.Percentile(99) / quiet.Percentile(99)).ToString("0.00", CultureInfo.InvariantCulture));
        report.Line("goal", Summary.Goal(busy.Median, goalMs, "p50 under load"));
        report.Line("code runs unfinished at each upload", $"min {load.FewestUnfinishedSeen}, max {load.MostUnfinishedSeen}  (more than run at once: the queue was never empty)");
        report.Line("code runs finished meanwhile", $"{load.Finished}  (median {load.MedianRunSeconds:0.0} s from upload to finished; {load.NotFinished} ended otherwise)");
    }

    private static void Phase(Report report, string name, Summary board, List<UploadTimings> timings)
    {
        report.Line(name, $"p50 {Summary.Ms(board.Median)}   p99 {Summary.Ms(board.Percentile(99))}   min/max {Summary.Ms(board.Min)} / {Summary.Ms(board.Max)}");
        report.Line("  of which received -> scored (p50)", Summary.Ms(new Summary(timings.Select(t => t.Scoring)).Median));
    }

    private static async Task<List<UploadTimings>> MeasureAsync(Arena arena, BoardWatcher watcher, string prefix, int runs, CodeRunLoad? load,
        CancellationToken cancellationToken)
    {
        var timings = new List<UploadTimings>();
        for (var run = 1; run <= runs; run++)
        {
            load?.NoteUnfinished();
            timings.Add(await UploadToBoard.OnceAsync(arena, watcher, prefix, run, $"{prefix} {run}", cancellationToken));
        }
        return timings;
    }

    /// <summary>A code phase in a challenge of its own, with smoke data and a smoke-run cap the load never reaches, and one team in it.</summary>
    private static async Task<(SpineClient Coder, Guid PhaseId)> CodeChallengeAsync(Arena arena, CancellationToken cancellationToken)
    {
        var slug = await arena.Organiser.CreateChallengeAsync(cancellationToken);
        var phaseId = await arena.Organiser.CreatePhaseAsync(slug, maxFileBytes: null, cancellationToken);
        await arena.Organiser.ConfigureCodeAsync(phaseId, new { runtime = "python", wallClockSeconds = 600, cpuSeconds = 600, smokeRunsPerDay = 100_000 },
            cancellationToken);
        await arena.Organiser.UploadSmokeDataAsync(phaseId, Zip(("person.csv", "person_id\n1\n")), cancellationToken);
        var (coder, _) = await arena.NewTeamAsync("coder", cancellationToken, slug);
        return (coder, phaseId);
    }

    // CPU time, not wall-clock time: on a busy machine each run still burns the same work.
    private static byte[] BusyCode(int cpuSeconds) => Zip(("main.py", $"""
        import time
        end = time.process_time() + {cpuSeconds}
        while time.process_time() < end:
            pass
        open("/app/output/predictions.csv", "w").write("id,label\n")
        """));

    private static byte[] Zip(params (string Name, string Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in files)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        return buffer.ToArray();
    }
}
