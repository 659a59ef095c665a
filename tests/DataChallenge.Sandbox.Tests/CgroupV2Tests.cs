using DataChallenge.Sandbox.Internals;

namespace DataChallenge.Sandbox.Tests;

/// <summary>
/// The cgroup v2 groups of a run, written into a folder laid out like a delegated unified hierarchy: this build host
/// has cgroup v1, so these tests read what the worker would write rather than what the kernel would enforce.
/// </summary>
public sealed class CgroupV2Tests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("datachallenge-cgroup2-").FullName;
    private readonly string _own;

    public CgroupV2Tests()
    {
        File.WriteAllText(Path.Combine(_root, "cgroup.controllers"), "cpuset cpu io memory pids\n");
        _own = Path.Combine(_root, "system.slice", "worker.service");
        Directory.CreateDirectory(_own);
        File.WriteAllText(Path.Combine(_own, "cgroup.controllers"), "cpu memory pids\n");
        File.WriteAllText(Path.Combine(_own, "cgroup.subtree_control"), "");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void TryCreate_WritesMemoryPidsAndCpuCaps_WhenTheControllersAreDelegated()
    {
        var limits = new SandboxLimits { MemoryBytes = 256L * 1024 * 1024, MaxProcesses = 32, Cpus = 1.5 };

        using var group = CgroupV2.TryCreate(_root, "/system.slice/worker.service", "job1", limits, out var problem);

        Assert.NotNull(group);
        Assert.Null(problem);
        var folder = Path.Combine(_own, "datachallenge-job1");
        Assert.Equal("+memory +pids +cpu", File.ReadAllText(Path.Combine(_own, "cgroup.subtree_control")));
        Assert.Equal("268435456", File.ReadAllText(Path.Combine(folder, "memory.max")));
        Assert.Equal("0", File.ReadAllText(Path.Combine(folder, "memory.swap.max")));
        Assert.Equal("32", File.ReadAllText(Path.Combine(folder, "pids.max")));
        Assert.Equal("150000 100000", File.ReadAllText(Path.Combine(folder, "cpu.max")));
        Assert.Equal([Path.Combine(folder, "cgroup.procs")], group.ProcsFiles);
    }

    [Fact]
    public void TryCreate_ReadsTheKernelsCounters_WhenTheRunHitALimit()
    {
        using var group = CgroupV2.TryCreate(_root, "/system.slice/worker.service", "job2", new SandboxLimits(), out _);
        var folder = Path.Combine(_own, "datachallenge-job2");
        Assert.False(group!.OutOfMemory);

        File.WriteAllText(Path.Combine(folder, "memory.events"), "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\n");
        File.WriteAllText(Path.Combine(folder, "pids.events"), "max 3\n");

        Assert.True(group.OutOfMemory);
        Assert.True(group.ProcessLimitHit);
    }

    [Fact]
    public void TryCreate_SaysWhichControllerIsMissing_WhenTheWorkerGroupIsNotDelegated()
    {
        File.WriteAllText(Path.Combine(_own, "cgroup.controllers"), "cpu\n");

        var group = CgroupV2.TryCreate(_root, "/system.slice/worker.service", "job3", new SandboxLimits(), out var problem);

        Assert.Null(group);
        Assert.Contains("memory", problem);
        Assert.False(Directory.Exists(Path.Combine(_own, "datachallenge-job3")));
    }

    [Fact]
    public void IsUnified_TellsTheHierarchies_WhenGivenEither()
    {
        Assert.True(CgroupV2.IsUnified(_root));
        Assert.False(CgroupV2.IsUnified(Path.Combine(_root, "nonexistent")));
    }
}
