using System.Diagnostics;
using DataChallenge.Sandbox;

// Start-up overhead of the code-run sandbox: the same command started N times in a fresh code job under bubblewrap
// (job folders, seccomp filter, cgroups, namespaces) and N times as a plain child process, interleaved so both see the
// same machine load. Prints p50/p99 per case and the ratio of the medians.
var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 50;
if (!BubblewrapSandbox.IsAvailable(new SandboxOptions(), out var reason))
{
    Console.Error.WriteLine("bubblewrap unavailable: " + reason);
    return 1;
}

var workRoot = Path.Combine(Path.GetTempPath(), "datachallenge-coderun-bench", Guid.NewGuid().ToString("N"));
var plainFolder = Directory.CreateDirectory(Path.Combine(workRoot, "plain")).FullName;
var sandbox = new BubblewrapSandbox(new SandboxOptions { WorkRoot = workRoot });
var limits = new SandboxLimits { WallClock = TimeSpan.FromSeconds(30) };
var cases = new (string Name, string Command)[] { ("/bin/true", "/bin/true"), ("empty main.py", "/usr/bin/python3 main.py") };

Console.WriteLine($"{runs} runs per case, interleaved; cgroups {(Environment.IsPrivilegedProcess ? "on (root)" : "off (not root)")}");
Console.WriteLine($"{"case",-16} {"sandbox p50",12} {"p99",8} {"plain p50",10} {"p99",8} {"ratio p50",10} {"overhead p50",13}");
foreach (var (name, command) in cases)
{
    var sandboxed = new List<double>();
    var plain = new List<double>();
    await SandboxedAsync(command); // warm-up: JIT, page cache
    Plain(command, plainFolder);
    for (var i = 0; i < runs; i++)
    {
        sandboxed.Add(await SandboxedAsync(command));
        plain.Add(Plain(command, plainFolder));
    }

    var (s50, s99, p50, p99) = (Percentile(sandboxed, 50), Percentile(sandboxed, 99), Percentile(plain, 50), Percentile(plain, 99));
    Console.WriteLine($"{name,-16} {s50,9:0.0} ms {s99,5:0.0} ms {p50,7:0.0} ms {p99,5:0.0} ms {s50 / p50,9:0.00}x {s50 - p50,10:0.0} ms");
}

Directory.Delete(workRoot, recursive: true);
return 0;

// A whole empty run as the worker does it: a fresh job with the code written, the run, the job removed.
async Task<double> SandboxedAsync(string command)
{
    var watch = Stopwatch.StartNew();
    using (var job = ProgramJob.CreateForCode(workRoot))
    {
        File.WriteAllText(Path.Combine(job.ProgramFolder, "main.py"), "");
        var run = await sandbox.RunAsync(job, command, "python", limits, CancellationToken.None);
        if (!run.Succeeded) throw new InvalidOperationException($"{command}: {run.Describe()} {run.Stderr}");
    }

    return watch.Elapsed.TotalMilliseconds;
}

// The same command without the sandbox: a child process with its output redirected, as the sandbox's is.
static double Plain(string command, string folder)
{
    File.WriteAllText(Path.Combine(folder, "main.py"), "");
    var watch = Stopwatch.StartNew();
    var parts = command.Split(' ');
    var start = new ProcessStartInfo(parts[0]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
    foreach (var argument in parts.Skip(1)) start.ArgumentList.Add(argument);
    using var process = Process.Start(start)!;
    process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{command} exited with {process.ExitCode}");
    return watch.Elapsed.TotalMilliseconds;
}

static double Percentile(List<double> values, int percent)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}
