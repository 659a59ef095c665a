using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DataChallenge.Sandbox;

namespace DataChallenge.Sandbox.Tests;

/// <summary>Real programs under bubblewrap: the contract, the walls, and each limit.</summary>
public sealed class BubblewrapSandboxTests : IDisposable
{
    private readonly string _workRoot = Path.Combine(Path.GetTempPath(), "datachallenge-sandbox-tests", Guid.NewGuid().ToString("N"));
    private readonly SandboxOptions _options;

    private static readonly SandboxLimits TestLimits = new()
    {
        WallClock = TimeSpan.FromSeconds(20), CpuSeconds = 10, MemoryBytes = 256L * 1024 * 1024, MaxProcesses = 32,
        MaxFileBytes = 8L * 1024 * 1024, MaxOutputBytes = 4L * 1024 * 1024, CapturedOutputBytes = 16 * 1024,
    };

    public BubblewrapSandboxTests()
    {
        _options = new SandboxOptions { WorkRoot = _workRoot };
    }

    public void Dispose()
    {
        try { Directory.Delete(_workRoot, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task RunAsync_WritesScoresAsNobody_WhenProgramIsCorrect()
    {
        var (run, job) = await RunAsync("""
            import csv, json, os
            labels = {r["id"]: r["label"] for r in csv.DictReader(open(os.path.join(os.environ["input"], "ref", "labels.csv")))}
            preds = {r["id"]: r["label"] for r in csv.DictReader(open("/app/input/res/predictions.csv"))}
            accuracy = sum(preds.get(k) == v for k, v in labels.items()) / len(labels)
            json.dump({"accuracy": accuracy}, open(os.path.join(os.environ["output"], "scores.json"), "w"))
            print("uid", os.getuid(), "cwd", os.getcwd())
            """, labels: "id,label\n1,a\n2,b\n3,a\n4,b\n", predictions: "id,label\n1,a\n2,b\n3,a\n4,a\n");
        using (job)
        {
            Assert.True(run.Succeeded, run.Describe() + run.Stderr);
            Assert.Equal(0.75, ScoresFile.Read(job.OutputFolder, ["accuracy"])["accuracy"], 12);
            Assert.Contains("uid 65534 cwd /app/program", run.Stdout);
        }
    }

    [Fact]
    public async Task RunAsync_CannotConnect_WhenProgramDialsLoopbackServicesOrTheOutside()
    {
        // A listener the host can reach: the program must not reach it, nor anything else.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var s3Port = Uri.TryCreate(Environment.GetEnvironmentVariable("DATACHALLENGE_TEST_S3_ENDPOINT"), UriKind.Absolute, out var s3) ? s3.Port : 9000;
        var (run, job) = await RunAsync($$"""
            import socket, sys
            connected = []
            for host, port in [("127.0.0.1", {{port}}), ("127.0.0.1", 5432), ("127.0.0.1", 5672), ("127.0.0.1", {{s3Port}}), ("1.1.1.1", 443), ("10.0.0.1", 80)]:
                try:
                    socket.create_connection((host, port), timeout=3).close()
                    connected.append(f"{host}:{port}")
                except OSError as e:
                    print(f"refused {host}:{port} {e}")
            print("interfaces", socket.if_nameindex())
            if connected:
                print("CONNECTED", connected)
                sys.exit(3)
            """);
        using (job)
        {
            Assert.True(run.Succeeded, run.Describe() + run.Stdout + run.Stderr);
            Assert.Equal(6, run.Stdout.Split('\n').Count(l => l.StartsWith("refused ", StringComparison.Ordinal)));
            Assert.Contains("interfaces [(1, 'lo')]", run.Stdout);
            Assert.False(listener.Pending());
        }
    }

    [Fact]
    public async Task RunAsync_SeesNothingOutsideItsFolders_WhenProgramReadsHostFiles()
    {
        // Another job's hidden labels, and a file in the host's /tmp, both exist on the host while the program runs.
        using var other = ProgramJob.Create(_workRoot);
        File.WriteAllText(Path.Combine(other.ReferenceFolder, "labels.csv"), "secret-labels");
        var hostTmp = Path.Combine(Path.GetTempPath(), "datachallenge-host-secret-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(hostTmp, "secret");
        try
        {
            var (run, job) = await RunAsync($$"""
                import os
                def probe(path):
                    try:
                        if os.path.isdir(path):
                            return "dir " + ",".join(sorted(os.listdir(path)))
                        return "file " + open(path).read(200)
                    except OSError as e:
                        return "error " + type(e).__name__
                for path in ["/etc/passwd", "/etc/shadow", "/root", "/tmp", "/home", "/var", "{{other.ReferenceFolder}}/labels.csv",
                             "{{_workRoot}}", "{{hostTmp}}", "/proc/1/cmdline", "/sys/fs/cgroup"]:
                    print("PROBE", path, "=>", probe(path).replace("\n", "|").replace("\0", " "))
                for path in ["/usr/evil", "/app/program/evil", "/app/input/ref/evil", "/evil"]:
                    try:
                        open(path, "w").write("x")
                        print("WROTE", path)
                    except OSError as e:
                        print("readonly", path, type(e).__name__)
                """);
            using (job)
            {
                Assert.True(run.Succeeded, run.Describe() + run.Stderr);
                var probes = run.Stdout.Split('\n').Where(l => l.StartsWith("PROBE ", StringComparison.Ordinal))
                    .ToDictionary(l => l.Split(' ')[1], l => l[(l.IndexOf("=> ", StringComparison.Ordinal) + 3)..]);
                Assert.Equal("file nobody:x:65534:65534:nobody:/tmp:/usr/sbin/nologin|", probes["/etc/passwd"]);
                Assert.StartsWith("error", probes["/etc/shadow"]);
                Assert.StartsWith("error", probes["/root"]);
                Assert.Equal("dir ", probes["/tmp"]);
                Assert.StartsWith("error", probes["/home"]);
                Assert.StartsWith("error", probes["/var"]);
                Assert.StartsWith("error", probes[other.ReferenceFolder + "/labels.csv"]);
                Assert.StartsWith("error", probes[_workRoot]);
                Assert.StartsWith("error", probes[hostTmp]);
                // PID 1 in the sandbox is bubblewrap's own init, not the host's.
                Assert.Contains("bwrap", probes["/proc/1/cmdline"]);
                Assert.StartsWith("error", probes["/sys/fs/cgroup"]);
                Assert.DoesNotContain("WROTE", run.Stdout);
                Assert.Equal(4, run.Stdout.Split('\n').Count(l => l.StartsWith("readonly ", StringComparison.Ordinal)));
            }
        }
        finally
        {
            File.Delete(hostTmp);
        }
    }

    [Fact]
    public async Task RunAsync_StopsAtProcessCap_WhenProgramIsAForkBomb()
    {
        var limits = TestLimits with { WallClock = TimeSpan.FromSeconds(4) };
        var (run, job) = await RunAsync("""
            import os, time
            while True:
                try:
                    os.fork()
                except OSError:
                    time.sleep(0.01)
            """, limits: limits);
        using (job)
        {
            Assert.False(run.Succeeded);
            Assert.Equal(ProgramExit.TimedOut, run.Exit);
            if (Bubblewrap.CgroupsWritable) Assert.True(run.ProcessLimitReached, run.Describe());
            AssertHostUnaffected(job);
        }
    }

    [Fact]
    public async Task RunAsync_KillsAtMemoryLimit_WhenProgramHoardsMemory()
    {
        var (run, job) = await RunAsync("""
            blocks = []
            for _ in range(200):
                blocks.append(b"x" * 10_000_000)
            print("ALLOCATED", len(blocks))
            """);
        using (job)
        {
            Assert.False(run.Succeeded);
            Assert.DoesNotContain("ALLOCATED", run.Stdout);
            if (Bubblewrap.CgroupsWritable)
            {
                Assert.True(run.MemoryLimitReached, run.Describe() + run.Stderr);
                Assert.Equal(137, run.ExitCode);
            }

            AssertHostUnaffected(job);
        }
    }

    [Fact]
    public async Task RunAsync_KillsAtCpuLimit_WhenProgramLoopsForever()
    {
        var limits = TestLimits with { CpuSeconds = 2, WallClock = TimeSpan.FromSeconds(30) };
        var (run, job) = await RunAsync("while True:\n    pass\n", limits: limits);
        using (job)
        {
            Assert.Equal(ProgramExit.Exited, run.Exit);
            Assert.Equal(137, run.ExitCode);
            Assert.True(run.Elapsed < TimeSpan.FromSeconds(25), $"took {run.Elapsed}");
            AssertHostUnaffected(job);
        }
    }

    [Fact]
    public async Task RunAsync_StopsAtWallClock_WhenProgramSleepsForever()
    {
        var limits = TestLimits with { WallClock = TimeSpan.FromSeconds(2) };
        var (run, job) = await RunAsync("import subprocess\nsubprocess.run(['sleep', '1000'])\n", limits: limits);
        using (job)
        {
            Assert.Equal(ProgramExit.TimedOut, run.Exit);
            Assert.True(run.Elapsed < TimeSpan.FromSeconds(15), $"took {run.Elapsed}");
            AssertHostUnaffected(job);
        }
    }

    [Fact]
    public async Task RunAsync_StopsAtOutputLimit_WhenProgramWritesAGigabyteToStdout()
    {
        var (run, job) = await RunAsync("""
            import sys
            chunk = "x" * 1048576
            for _ in range(1024):
                sys.stdout.write(chunk)
            print("DONE")
            """);
        using (job)
        {
            Assert.Equal(ProgramExit.OutputLimitExceeded, run.Exit);
            Assert.True(run.StdoutBytes < 1024L * 1024 * 1024, $"{run.StdoutBytes} bytes read");
            Assert.True(run.Stdout.Length < TestLimits.CapturedOutputBytes + 200, $"{run.Stdout.Length} characters kept");
            Assert.DoesNotContain("DONE", run.Stdout);
            AssertHostUnaffected(job);
        }
    }

    [Fact]
    public async Task RunAsync_StopsAtFileSizeLimit_WhenProgramFillsTheDisk()
    {
        var (run, job) = await RunAsync("""
            f = open("/app/output/big.bin", "wb")
            for _ in range(1024):
                f.write(b"x" * 1048576)
            print("DONE")
            """);
        using (job)
        {
            Assert.False(run.Succeeded);
            Assert.DoesNotContain("DONE", run.Stdout);
            Assert.True(new FileInfo(Path.Combine(job.OutputFolder, "big.bin")).Length <= TestLimits.MaxFileBytes);
        }
    }

    private async Task<(ProgramRun Run, ProgramJob Job)> RunAsync(string script, string labels = "id,label\n1,a\n",
        string predictions = "id,label\n1,a\n", SandboxLimits? limits = null)
    {
        Bubblewrap.Require();
        var job = ProgramJob.Create(_workRoot);
        File.WriteAllText(Path.Combine(job.ProgramFolder, "score.py"), script);
        File.WriteAllText(Path.Combine(job.ReferenceFolder, "labels.csv"), labels);
        File.WriteAllText(Path.Combine(job.ResultFolder, "predictions.csv"), predictions);
        var sandbox = new BubblewrapSandbox(_options);
        var run = await sandbox.RunAsync(job, "/usr/bin/python3 score.py", "python", limits ?? TestLimits, TestContext.Current.CancellationToken);
        return (run, job);
    }

    // Nothing of the run is left: its cgroups are gone and the host still starts processes.
    private static void AssertHostUnaffected(ProgramJob job)
    {
        foreach (var controller in new[] { "memory", "pids", "cpu" })
        {
            var leftovers = Directory.Exists($"/sys/fs/cgroup/{controller}")
                ? Directory.EnumerateDirectories($"/sys/fs/cgroup/{controller}", "datachallenge-" + job.Id, SearchOption.AllDirectories).ToList()
                : [];
            Assert.Empty(leftovers);
        }

        using var probe = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        Assert.True(probe.WaitForExit(5000));
        Assert.Equal(0, probe.ExitCode);
    }
}
