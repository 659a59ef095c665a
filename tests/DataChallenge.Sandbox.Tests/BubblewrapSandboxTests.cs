using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DataChallenge.Sandbox;
using DataChallenge.Testing;

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

    // Scoring programs and competitors' code (codeRun) share the sandbox; each wall holds for both layouts.
    [Theory, InlineData(false), InlineData(true)]
    public async Task RunAsync_CannotConnect_WhenProgramDialsLoopbackServicesOrTheOutside(bool codeRun)
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
            """, codeRun: codeRun);
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

    [Theory, InlineData(false), InlineData(true)]
    public async Task RunAsync_StopsAtProcessCap_WhenProgramIsAForkBomb(bool codeRun)
    {
        var limits = TestLimits with { WallClock = TimeSpan.FromSeconds(4) };
        var (run, job) = await RunAsync("""
            import os, time
            while True:
                try:
                    os.fork()
                except OSError:
                    time.sleep(0.01)
            """, limits: limits, codeRun: codeRun);
        using (job)
        {
            Assert.False(run.Succeeded);
            Assert.Equal(ProgramExit.TimedOut, run.Exit);
            Assert.Contains("stopped at the time limit", run.Describe());
            if (Bubblewrap.CgroupsWritable)
            {
                Assert.True(run.ProcessLimitReached, run.Describe());
                Assert.Contains("it reached the process-count limit", run.Describe());
            }

            AssertHostUnaffected(job);
        }
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task RunAsync_KillsAtMemoryLimit_WhenProgramHoardsMemory(bool codeRun)
    {
        var (run, job) = await RunAsync("""
            blocks = []
            for _ in range(200):
                blocks.append(b"x" * 10_000_000)
            print("ALLOCATED", len(blocks))
            """, codeRun: codeRun);
        using (job)
        {
            Assert.False(run.Succeeded);
            Assert.DoesNotContain("ALLOCATED", run.Stdout);
            if (Bubblewrap.CgroupsWritable)
            {
                Assert.True(run.MemoryLimitReached, run.Describe() + run.Stderr);
                Assert.Equal(137, run.ExitCode);
                Assert.Contains("it reached the memory limit", run.Describe());
            }

            AssertHostUnaffected(job);
        }
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task RunAsync_KillsAtCpuLimit_WhenProgramLoopsForever(bool codeRun)
    {
        var limits = TestLimits with { CpuSeconds = 2, WallClock = TimeSpan.FromSeconds(30) };
        var (run, job) = await RunAsync("while True:\n    pass\n", limits: limits, codeRun: codeRun);
        using (job)
        {
            Assert.Equal(ProgramExit.Exited, run.Exit);
            Assert.Equal(137, run.ExitCode);
            Assert.Contains("memory or CPU-time limit", run.Describe());
            Assert.True(run.Elapsed < TimeSpan.FromSeconds(25), $"took {run.Elapsed}");
            AssertHostUnaffected(job);
        }
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task RunAsync_StopsAtWallClock_WhenProgramSleepsForever(bool codeRun)
    {
        var limits = TestLimits with { WallClock = TimeSpan.FromSeconds(2) };
        var (run, job) = await RunAsync("import subprocess\nsubprocess.run(['sleep', '1000'])\n", limits: limits, codeRun: codeRun);
        using (job)
        {
            Assert.Equal(ProgramExit.TimedOut, run.Exit);
            Assert.StartsWith("Your program stopped at the time limit after ", run.Describe("Your program"));
            Assert.True(run.Elapsed < TimeSpan.FromSeconds(15), $"took {run.Elapsed}");
            AssertHostUnaffected(job);
        }
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task RunAsync_StopsAtOutputLimit_WhenProgramWritesAGigabyteToStdout(bool codeRun)
    {
        var (run, job) = await RunAsync("""
            import sys
            chunk = "x" * 1048576
            for _ in range(1024):
                sys.stdout.write(chunk)
            print("DONE")
            """, codeRun: codeRun);
        using (job)
        {
            Assert.Equal(ProgramExit.OutputLimitExceeded, run.Exit);
            Assert.Contains("writing too much to stdout/stderr", run.Describe());
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

    [Theory, InlineData(false), InlineData(true)]
    public async Task Sandbox_CannotReadWorkerEnvironment_WhenProgramScansProc(bool codeRun)
    {
        // The test process plays the worker: a secret in its environment must not reach any process of the sandbox.
        var marker = "worker-secret-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable("DATACHALLENGE_TEST_WORKER_SECRET", marker);
        try
        {
            var (run, job) = await RunAsync("""
                import os
                for pid in sorted(p for p in os.listdir("/proc") if p.isdigit()):
                    for name in ("environ", "cmdline"):
                        try:
                            text = open(f"/proc/{pid}/{name}", "rb").read().replace(b"\0", b" ").decode(errors="replace")
                            print("PROC", pid, name, text.replace("\n", "|"))
                        except OSError as e:
                            print("PROC", pid, name, "error", type(e).__name__)
                    try:
                        for fd in os.listdir(f"/proc/{pid}/fd"):
                            print("FD", pid, fd, os.readlink(f"/proc/{pid}/fd/{fd}"))
                    except OSError as e:
                        print("FDS", pid, "error", type(e).__name__)
                """, codeRun: codeRun);
            using (job)
            {
                Assert.True(run.Succeeded, run.Describe() + run.Stderr);
                // bwrap's own init was read, and holds only what the worker chose to give it.
                Assert.Equal("PROC 1 environ PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin ",
                    run.Stdout.Split('\n').Single(l => l.StartsWith("PROC 1 environ ", StringComparison.Ordinal)));
                Assert.DoesNotContain(marker, run.Stdout);
                // Nor an argument of the worker: bwrap's command line would name the job's folders on the host.
                Assert.DoesNotContain(_workRoot, run.Stdout);
                var descriptors = run.Stdout.Split('\n').Where(l => l.StartsWith("FD ", StringComparison.Ordinal)).Select(l => l.Split(' ', 4)[3]).ToList();
                Assert.NotEmpty(descriptors);
                Assert.All(descriptors, target => Assert.True(
                    target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("anon_inode:", StringComparison.Ordinal)
                    || target == "/dev/null" || target.StartsWith("/proc/", StringComparison.Ordinal), target));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("DATACHALLENGE_TEST_WORKER_SECRET", null);
        }
    }

    [Fact]
    public async Task Sandbox_RefusesKernelCalls_WhenProgramTriesPtraceUnshareKeyctlOrMount()
    {
        var (run, job) = await RunAsync("""
            import ctypes, errno, json, os
            libc = ctypes.CDLL(None, use_errno=True)
            def call(name, number, *args):
                ctypes.set_errno(0)
                result = libc.syscall(ctypes.c_long(number), *[ctypes.c_long(a) for a in args])
                if result == 0 and name.startswith("clone"):
                    os._exit(0)
                print("CALL", name, "OK" if result >= 0 else errno.errorcode.get(ctypes.get_errno(), str(ctypes.get_errno())))
            call("ptrace", 101, 0, 0, 0, 0)                   # PTRACE_TRACEME
            call("unshare", 272, 0x10000000)                  # CLONE_NEWUSER
            call("clone-newuser", 56, 0x10000000 | 17, 0, 0, 0, 0)
            call("setns", 308, 0, 0)
            call("keyctl", 250, 1, 0)                         # KEYCTL_JOIN_SESSION_KEYRING
            call("mount", 165, 0, 0, 0, 0, 0)
            call("bpf", 321, 5, 0, 0)                         # BPF_PROG_LOAD
            call("perf_event_open", 298, 0, 0, -1, -1, 0)
            call("userfaultfd", 323, 0)
            call("io_uring_setup", 425, 1, 0)
            json.dump({"accuracy": 1.0}, open("/app/output/scores.json", "w"))
            """);
        using (job)
        {
            Assert.True(run.Succeeded, run.Describe() + run.Stderr);
            var calls = run.Stdout.Split('\n').Where(l => l.StartsWith("CALL ", StringComparison.Ordinal))
                .ToDictionary(l => l.Split(' ')[1], l => l.Split(' ')[2]);
            Assert.Equal(10, calls.Count);
            foreach (var name in new[] { "ptrace", "unshare", "setns", "keyctl", "mount", "bpf", "perf_event_open", "userfaultfd" })
                Assert.True(calls[name] == "EPERM", $"{name}: {calls[name]}\n{run.Stdout}");
            Assert.Equal("ENOSYS", calls["io_uring_setup"]);
            // Nested user namespaces are off even through clone, whose flags the filter does not inspect: bwrap's
            // --disable-userns leaves no room for one (ENOSPC).
            Assert.Equal("ENOSPC", calls["clone-newuser"]);
            // The normal work of a scorer still runs under the filter.
            Assert.Equal(1.0, ScoresFile.Read(job.OutputFolder, ["accuracy"])["accuracy"]);
        }
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task RunAsync_StopsAtOutputFolderCap_WhenProgramWritesAGigabyteInSmallFiles(bool codeRun)
    {
        // Each file stays under the per-file limit; only a cap on the whole folder stops this.
        var limits = TestLimits with { OutputFolderBytes = 32L * 1024 * 1024, WallClock = TimeSpan.FromSeconds(60) };
        var (run, job) = await RunAsync("""
            chunk = b"x" * 4 * 1048576
            for i in range(256):
                with open(f"/app/output/part{i}.bin", "wb") as f:
                    f.write(chunk)
            print("DONE")
            """, limits: limits, codeRun: codeRun);
        using (job)
        {
            Assert.True(run.OutputFolderFull, run.Describe() + run.Stderr);
            Assert.Contains("output folder", run.Describe());
            Assert.False(run.Succeeded);
            Assert.DoesNotContain("DONE", run.Stdout);
            var written = Directory.EnumerateFiles(job.OutputFolder).Sum(f => new FileInfo(f).Length);
            Assert.True(written <= limits.OutputFolderBytes, $"{written} bytes written");
            // Emptied for the next split, the folder is back on the worker's disk with nothing in it.
            job.ResetOutput();
            Assert.Empty(Directory.EnumerateFileSystemEntries(job.OutputFolder));
        }
    }

    [Fact]
    public async Task RunAsync_SaysTheLimitsAreWeaker_WhenTheHostHasNoCgroups()
    {
        var (run, job) = await RunAsync("print('ran')", options: new SandboxOptions { WorkRoot = _workRoot, CgroupRoot = "/nonexistent/cgroup" });
        using (job)
        {
            Assert.True(run.Succeeded, run.Describe() + run.Stderr);
            Assert.Contains("no cgroup limits", run.SandboxWarning);
            Assert.Contains("rlimits", run.Stderr);
        }
    }

    [Fact]
    public async Task CodeRun_FindsNoHiddenLabels_WhenProgramSearchesTheWholeFilesystem()
    {
        // Another job of the same worker holds hidden labels on the host while the competitor's code runs.
        var marker = "hidden-label-" + Guid.NewGuid().ToString("N");
        using var scoring = ProgramJob.Create(_workRoot);
        File.WriteAllText(Path.Combine(scoring.ReferenceFolder, "labels.csv"), "id,label\n1," + marker + "\n");
        // The program's own source holds the marker reversed, so that finding main.py does not count as finding the labels.
        var reversed = new string(marker.Reverse().ToArray());
        var (run, job) = await RunAsync($$"""
            import os
            found, files = [], 0
            for top in sorted(os.listdir("/")):
                # /usr is the host's read-only runtime and the same for every job; /proc and /sys are probed elsewhere.
                if top in ("proc", "sys", "dev", "usr") or os.path.islink("/" + top):
                    continue
                for folder, dirs, names in os.walk("/" + top):
                    for name in names:
                        path = os.path.join(folder, name)
                        files += 1
                        if "label" in path:
                            found.append("name " + path)
                        try:
                            if "{{reversed}}"[::-1].encode() in open(path, "rb").read(1 << 24):
                                found.append("content " + path)
                        except OSError:
                            pass
            print("APP", sorted(os.listdir("/app")), "FILES", files, "FOUND", found)
            open("/app/output/predictions.csv", "w").write("id,label\n1,a\n")
            """, codeRun: true);
        using (job)
        {
            Assert.True(run.Succeeded, run.Describe() + run.Stderr);
            Assert.Contains("APP ['code', 'input', 'output']", run.Stdout);
            Assert.Contains("FOUND []", run.Stdout);
            Assert.DoesNotContain("FILES 0 ", run.Stdout);
            Assert.False(Directory.Exists(job.ReferenceFolder));
            Assert.True(File.Exists(Path.Combine(job.OutputFolder, "predictions.csv")));
        }
    }

    [Fact]
    public async Task CodeRun_ReadsInputsAndWritesOnlyItsOutput_WhenProgramTriesToChangeCodeOrInputs()
    {
        var (run, job) = await RunAsync("""
            import os
            print("INPUT", open("/app/input/patients.csv").read().replace("\n", "|"), "CWD", os.getcwd(), "PROGRAM", os.environ["program"])
            for path in ["/app/code/main.py", "/app/code/new.py", "/app/input/patients.csv", "/app/input/new.csv", "/app/new", "/usr/lib/new"]:
                try:
                    open(path, "a").write("x")
                    print("WROTE", path)
                except OSError as e:
                    print("readonly", path, type(e).__name__)
            open("/app/output/predictions.csv", "w").write("id,label\n1,a\n")
            """, codeRun: true);
        using (job)
        {
            Assert.True(run.Succeeded, run.Describe() + run.Stderr);
            Assert.Contains("INPUT id,age|1,54| CWD /app/code PROGRAM /app/code", run.Stdout);
            Assert.DoesNotContain("WROTE", run.Stdout);
            Assert.Equal(6, run.Stdout.Split('\n').Count(l => l.StartsWith("readonly ", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task CodeRun_ImportsTheRuntimePackages_WhenProgramUsesThem()
    {
        var (run, job) = await RunAsync("""
            import numpy, pandas, sklearn, xgboost, torch, skimage, PIL, openslide
            print("VERSIONS", numpy.__version__, pandas.__version__, sklearn.__version__, torch.__version__)
            """, codeRun: true, limits: TestLimits with { MemoryBytes = 1024L * 1024 * 1024, WallClock = TimeSpan.FromSeconds(60), CpuSeconds = 60 });
        using (job)
        {
            Assert.True(run.Succeeded, run.Describe() + run.Stderr);
            Assert.Contains("VERSIONS ", run.Stdout);
        }
    }

    [Fact]
    public async Task RunAsync_ReportsPeakMemory_WhenTheHostCountsIt()
    {
        var (run, job) = await RunAsync("block = bytearray(80 * 1024 * 1024)\nprint(len(block))\n", codeRun: true);
        using (job)
        {
            Assert.True(run.Succeeded, run.Describe() + run.Stderr);
            if (!Bubblewrap.CgroupsWritable)
            {
                Assert.Null(run.PeakMemoryBytes);
                return;
            }

            Assert.InRange(run.PeakMemoryBytes ?? 0, 80L * 1024 * 1024, TestLimits.MemoryBytes);
        }
    }

    // A scoring job sees labels and predictions; a code run (codeRun) sees its main.py and an input table, no labels.
    [Fact]
    public async Task RunAsync_RunsToItsEnd_WhenTheThreadThatStartedItHasEnded()
    {
        // bubblewrap's --die-with-parent follows the thread that started it, not the process: a worker's pool thread
        // that ends (the pool retires idle threads) must not take a long run with it.
        Bubblewrap.Require();
        var job = ProgramJob.CreateForCode(_workRoot);
        File.WriteAllText(Path.Combine(job.ProgramFolder, CodeEntryPoint.DefaultFile), "import time\ntime.sleep(2)\nprint('slept')\n");
        var sandbox = new BubblewrapSandbox(_options);
        Task<ProgramRun>? running = null;
        var starter = new Thread(() => running = sandbox.RunAsync(job, CodeEntryPoint.Resolve(job.ProgramFolder), "python", TestLimits,
            TestContext.Current.CancellationToken));
        starter.Start();
        starter.Join();

        using (job)
        {
            var run = await running!;
            Assert.True(run.Succeeded, run.Describe("The program") + run.Stderr);
            Assert.Contains("slept", run.Stdout);
        }
    }

    private async Task<(ProgramRun Run, ProgramJob Job)> RunAsync(string script, string labels = "id,label\n1,a\n",
        string predictions = "id,label\n1,a\n", SandboxLimits? limits = null, SandboxOptions? options = null, bool codeRun = false)
    {
        Bubblewrap.Require();
        var job = codeRun ? ProgramJob.CreateForCode(_workRoot) : ProgramJob.Create(_workRoot);
        if (codeRun)
        {
            File.WriteAllText(Path.Combine(job.ProgramFolder, CodeEntryPoint.DefaultFile), script);
            File.WriteAllText(Path.Combine(job.InputFolder, "patients.csv"), "id,age\n1,54\n");
        }
        else
        {
            File.WriteAllText(Path.Combine(job.ProgramFolder, "score.py"), script);
            File.WriteAllText(Path.Combine(job.ReferenceFolder, "labels.csv"), labels);
            File.WriteAllText(Path.Combine(job.ResultFolder, "predictions.csv"), predictions);
        }

        var command = codeRun ? CodeEntryPoint.Resolve(job.ProgramFolder) : "/usr/bin/python3 score.py";
        var sandbox = new BubblewrapSandbox(options ?? _options);
        var run = await sandbox.RunAsync(job, command, "python", limits ?? TestLimits, TestContext.Current.CancellationToken);
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
