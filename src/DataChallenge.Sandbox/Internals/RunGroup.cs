namespace DataChallenge.Sandbox.Internals;

/// <summary>The cgroups one run is placed in, whichever hierarchy the host has; disposing kills what is left and removes them.</summary>
internal interface IRunGroup : IDisposable
{
    /// <summary>The cgroup.procs files a process writes its pid to, to join every group.</summary>
    IEnumerable<string> ProcsFiles { get; }

    /// <summary>The kernel killed a member for exceeding the memory limit.</summary>
    bool OutOfMemory { get; }

    /// <summary>A fork was refused at the process cap.</summary>
    bool ProcessLimitHit { get; }

    /// <summary>The most memory the group's members held at once; null where the kernel does not count it.</summary>
    long? PeakMemoryBytes { get; }

    void KillAll();
}

/// <summary>Chooses the hierarchy: cgroup v2 when the root is unified, v1 otherwise.</summary>
internal static class RunGroup
{
    /// <returns>The run's groups with the limits written, or null with the reason (no hierarchy, no write access, no delegation).</returns>
    public static IRunGroup? TryCreate(string root, string name, SandboxLimits limits, out string? problem)
    {
        if (!CgroupV2.IsUnified(root)) return CgroupV1.TryCreate(root, name, limits, out problem);
        try
        {
            return CgroupV2.TryCreate(root, CgroupV2.OwnGroup(), name, limits, out problem);
        }
        catch (IOException e)
        {
            problem = e.Message;
            return null;
        }
    }
}
