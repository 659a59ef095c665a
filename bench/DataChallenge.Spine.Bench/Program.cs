using System.Globalization;
using DataChallenge.Spine.Bench;
using DataChallenge.Spine.Bench.Measurements;

// Drives a running server: upload-to-board latency, board reads under load, memory during a large upload.
// bench/spine.sh starts the server and calls this once per mode.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: DataChallenge.Spine.Bench --server URL [--server-pid PID] [--mode NAME] [--runs N] [--load-seconds S]
               [--rate R] [--connections C] [--wrk-seconds W] [--upload-mb MB] [--report FILE]
               [--mail-folder DIR]   (the server's .eml folder: teams confirm their address from it, as joining requires)
               [--viewers N --teams T [--ways whole,delta]]   (live board at scale only: N viewers of a T-team board,
                                                               board reads at --rate over --connections meanwhile)
               [--live-server URL] [--read-server URL]   (live board only: the leaderboard replicas the viewers watch and
                                                           the reads go to, when they are not --server)
               [--code-backlog B [--code-cpu-seconds S]]   (code starvation only: --runs uploads with the run-code queue
                                                            empty, then with B busy code runs of S s of CPU kept unfinished)
               [--read-path PATH --report FILE]   (reads only, at --rate until standard input closes; the live-board
                                                   measurement starts this as a process of its own)
        """);
    return 2;
}

if (options.ReadPath is { } readPath && options.ReportFile is { } readResults)
    return await ReaderProcess.ServeAsync(options.Server, readPath, options.Rate, options.Connections, readResults);

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var token = cancel.Token;

using var http = new HttpClient { BaseAddress = options.Server, Timeout = TimeSpan.FromMinutes(2) };
var report = new Report();
report.Title($"Mode: {options.Mode}");
report.Note($"server {options.Server}, pid {options.ServerPid?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}");
if (options.LiveServer is { } liveServer)
    report.Note($"viewers watch {liveServer} (the pid above, whose memory is reported), reads go to {options.ReadServer ?? options.Server}");
report.Note($"load average at start: {LoadAverage()} (other processes on the machine compete for the same cores)");

Console.WriteLine($"[{options.Mode}] setting up a challenge with {options.Rows:N0} hidden labels");
var mail = options.MailFolder is { } folder ? new MailBox(folder) : null;
var arena = await Arena.CreateAsync(options.Server, http, new BenchFiles(options.Rows), mail, token);

if (options.Viewers > 0)
{
    Console.WriteLine($"[{options.Mode}] live board: {options.Viewers} viewers, {options.Teams} teams");
    var ways = options.Ways.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(w => w == "whole").ToList();
    await Spectators.RunAsync(arena, options.ServerPid, new SpectatorOptions(options.Viewers, options.Teams, options.Runs, ways, options.Rate, options.Connections,
        options.LiveServer ?? options.Server, options.ReadServer ?? options.Server),
        report, token);
    return Finish(report, options);
}

if (options.CodeBacklog > 0)
{
    Console.WriteLine($"[{options.Mode}] upload -> board, run-code queue empty then full");
    await CodeStarvation.RunAsync(arena, options.Runs, options.CodeBacklog, options.CodeCpuSeconds, options.GoalP50Ms, report, token);
    return Finish(report, options);
}

Console.WriteLine($"[{options.Mode}] upload -> visible on the board");
await UploadToBoard.RunAsync(arena, options.Runs, options.GoalP50Ms, report, token);

Console.WriteLine($"[{options.Mode}] leaderboard reads under load");
await LeaderboardLoad.RunAsync(arena, options.Rate, options.LoadSeconds, options.Connections, options.WrkSeconds, goalP99Ms: 50, report, token);

if (options.ServerPid is { } pid && options.UploadMb > 0)
{
    Console.WriteLine($"[{options.Mode}] memory during a large upload");
    await UploadMemory.RunAsync(arena, pid, options.UploadMb << 20, goalGrowthMb: 50, report, token);
}
else report.Note("memory during a large upload: not measured (needs --server-pid and --upload-mb > 0)");

return Finish(report, options);

static int Finish(Report report, Options options)
{
    report.Note("");
    report.Note($"load average at end: {LoadAverage()}");
    var text = report.ToString();
    Console.WriteLine(text);
    if (options.ReportFile is { } file) File.WriteAllText(file, text);
    return 0;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

/// <summary>Command-line settings; the defaults are the full benchmark the issue asks for.</summary>
internal sealed record Options(Uri Server, int? ServerPid, string Mode, int Runs, int LoadSeconds, int Rate, int Connections,
    int WrkSeconds, long UploadMb, int Rows, double GoalP50Ms, string? ReportFile, int Viewers, int Teams, string Ways, string? MailFolder,
    int CodeBacklog, int CodeCpuSeconds, string? ReadPath, Uri? LiveServer, Uri? ReadServer)
{
    public static Options? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            values[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0 || !values.TryGetValue("server", out var server)) return null;
        int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(new Uri(server), values.ContainsKey("server-pid") ? Int("server-pid", 0) : null,
            values.GetValueOrDefault("mode", "embedded defaults"), Int("runs", 9), Int("load-seconds", 60), Int("rate", 500),
            Int("connections", 8), Int("wrk-seconds", 15), Int("upload-mb", 1024), Int("rows", 100_000),
            Int("goal-p50-ms", 500), values.GetValueOrDefault("report"), Int("viewers", 0), Int("teams", 300),
            values.GetValueOrDefault("ways", "whole,delta"), values.GetValueOrDefault("mail-folder"),
            Int("code-backlog", 0), Int("code-cpu-seconds", 15), values.GetValueOrDefault(ReaderProcess.PathOption),
            values.TryGetValue("live-server", out var live) ? new Uri(live) : null, values.TryGetValue("read-server", out var read) ? new Uri(read) : null);
    }
}
