using DataChallenge.Sandbox;

namespace DataChallenge.Sandbox.Tests;

/// <summary>No container engine runs here: these tests read the <c>docker run</c> command the sandbox would issue.</summary>
public sealed class ContainerSandboxTests : IDisposable
{
    private readonly string _workRoot = Path.Combine(Path.GetTempPath(), "datachallenge-container-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_workRoot, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void DockerArguments_IsolateTheProgram_WhenBuiltForAJob()
    {
        using var job = ProgramJob.Create(_workRoot);
        var limits = new SandboxLimits { MemoryBytes = 512L * 1024 * 1024, MaxProcesses = 50, CpuSeconds = 60, Cpus = 1.5 };

        var args = new ContainerSandbox(new SandboxOptions { WorkRoot = _workRoot }).DockerArguments(job, "python3 score.py", "img:1", limits, "dc-x");

        Assert.Equal("run", args[0]);
        AssertPair(args, "--network", "none");
        Assert.Contains("--read-only", args);
        AssertPair(args, "--cap-drop", "ALL");
        AssertPair(args, "--security-opt", "no-new-privileges");
        AssertPair(args, "--user", "65534:65534");
        AssertPair(args, "--memory", "536870912");
        AssertPair(args, "--memory-swap", "536870912");
        AssertPair(args, "--pids-limit", "50");
        AssertPair(args, "--cpus", "1.5");
        Assert.Contains("cpu=60:60", args);
        AssertPair(args, "--name", "dc-x");
        Assert.Contains("--rm", args);
        var mounts = args.Select((a, i) => (a, i)).Where(p => p.a == "--mount").Select(p => args[p.i + 1]).ToList();
        Assert.Equal(
        [
            $"type=bind,source={job.ProgramFolder},target=/app/program,readonly",
            $"type=bind,source={job.ReferenceFolder},target=/app/input/ref,readonly",
            $"type=bind,source={job.ResultFolder},target=/app/input/res,readonly",
            $"type=bind,source={job.OutputFolder},target=/app/output",
        ], mounts);
        Assert.DoesNotContain("-v", args);
        Assert.DoesNotContain("--privileged", args);
        Assert.Equal(["img:1", "-c", "python3 score.py"], args.TakeLast(3));
    }

    [Fact]
    public void DockerArguments_CarryNothingOfTheWorker_WhenTheWorkerHoldsSecrets()
    {
        using var job = ProgramJob.Create(_workRoot);
        var marker = "worker-secret-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable("DATACHALLENGE_TEST_WORKER_SECRET", marker);
        try
        {
            var args = new ContainerSandbox(new SandboxOptions { WorkRoot = _workRoot }).DockerArguments(job, "python3 score.py", "img:1", new SandboxLimits(), "dc-x");

            Assert.DoesNotContain(args, a => a.Contains(marker, StringComparison.Ordinal));
            // "--env NAME" without a value would copy the worker's variable into the container; only fixed values go in.
            var variables = args.Select((a, i) => (a, i)).Where(p => p.a is "--env" or "-e").Select(p => args[p.i + 1].Split('=')[0]).ToList();
            Assert.Equal(["HOME", "PYTHONDONTWRITEBYTECODE", "input", "output", "program"], variables);
            Assert.DoesNotContain("--env-file", args);
            // Program output reaches the worker through the attached pipes only, never the engine's log files or journald.
            AssertPair(args, "--log-driver", "none");
            AssertPair(args, "--ipc", "private");
            Assert.DoesNotContain(args, a => a.Contains("docker.sock", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DATACHALLENGE_TEST_WORKER_SECRET", null);
        }
    }

    [Fact]
    public void ClientEnvironment_HoldsOnlyTheEngineAddress_WhenTheWorkerHoldsSecrets()
    {
        Environment.SetEnvironmentVariable("DATACHALLENGE_TEST_WORKER_SECRET", "secret");
        var before = Environment.GetEnvironmentVariable("DOCKER_HOST");
        Environment.SetEnvironmentVariable("DOCKER_HOST", "ssh://scoring-engine");
        try
        {
            var passed = ContainerSandbox.ClientEnvironment();

            Assert.Equal("ssh://scoring-engine", passed["DOCKER_HOST"]);
            Assert.All(passed.Keys, name => Assert.True(name.StartsWith("DOCKER_", StringComparison.Ordinal) || name is "HOME" or "XDG_RUNTIME_DIR", name));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DATACHALLENGE_TEST_WORKER_SECRET", null);
            Environment.SetEnvironmentVariable("DOCKER_HOST", before);
        }
    }

    [Fact]
    public void DockerArguments_UseHostPaths_WhenTheWorkerRunsInAContainer()
    {
        using var job = ProgramJob.Create(_workRoot);
        var options = new SandboxOptions { WorkRoot = _workRoot, ContainerHostWorkRoot = "/var/lib/datachallenge/jobs" };

        var args = new ContainerSandbox(options).DockerArguments(job, "true", "img:1", new SandboxLimits(), "dc-x");

        Assert.Contains($"type=bind,source=/var/lib/datachallenge/jobs/{job.Id}/output,target=/app/output", args);
    }

    [Fact]
    public async Task RunAsync_DoesNotStart_WhenTheRuntimeIsUnknown()
    {
        using var job = ProgramJob.Create(_workRoot);

        var run = await new ContainerSandbox(new SandboxOptions { WorkRoot = _workRoot })
            .RunAsync(job, "true", "cobol", new SandboxLimits(), TestContext.Current.CancellationToken);

        Assert.Equal(ProgramExit.NotStarted, run.Exit);
        Assert.Contains("'cobol'", run.Stderr);
    }

    [Fact]
    public void Create_RefusesToRunPrograms_WhenTheKindIsNone()
    {
        var sandbox = SandboxSelector.Create(new SandboxOptions { Kind = SandboxKind.None }, out var reason);

        Assert.Null(sandbox);
        Assert.Contains("turned off", reason);
    }

    [Fact]
    public void Create_RefusesToRunPrograms_WhenBubblewrapIsMissing()
    {
        var sandbox = SandboxSelector.Create(new SandboxOptions { BubblewrapPath = "/nonexistent/bwrap" }, out var reason);

        Assert.Null(sandbox);
        Assert.Contains("not installed", reason);
    }

    private static void AssertPair(IReadOnlyList<string> args, string flag, string value)
    {
        var index = args.ToList().IndexOf(flag);
        Assert.True(index >= 0, $"{flag} is missing");
        Assert.Equal(value, args[index + 1]);
    }
}
