namespace DataChallenge.Sandbox.Internals;

/// <summary>
/// One run's cgroup v2 group (memory without swap, pids, cpu) as a child of the worker's own group on a unified
/// hierarchy. The worker's group must be delegated to it (systemd <c>Delegate=yes</c>, or a container with its own
/// cgroup namespace and a writable /sys/fs/cgroup).
/// </summary>
internal sealed class CgroupV2 : IRunGroup
{
    private static readonly string[] Controllers = ["memory", "pids", "cpu"];
    private readonly string _folder;

    private CgroupV2(string folder) => _folder = folder;

    public IEnumerable<string> ProcsFiles => [Path.Combine(_folder, "cgroup.procs")];

    public bool OutOfMemory => CgroupFiles.ReadCounter(Path.Combine(_folder, "memory.events"), "oom_kill") > 0;

    public bool ProcessLimitHit => CgroupFiles.ReadCounter(Path.Combine(_folder, "pids.events"), "max") > 0;

    // memory.peak came with Linux 5.19; older kernels keep no high-water mark for a group.
    public long? PeakMemoryBytes => CgroupFiles.ReadPeak(Path.Combine(_folder, "memory.peak"));

    /// <summary>Whether <paramref name="root"/> is a unified (v2) hierarchy.</summary>
    public static bool IsUnified(string root) => File.Exists(Path.Combine(root, "cgroup.controllers"));

    /// <summary>This process's group on the unified hierarchy ("0::/system.slice/worker.service").</summary>
    public static string OwnGroup()
        => File.ReadLines("/proc/self/cgroup").FirstOrDefault(l => l.StartsWith("0::", StringComparison.Ordinal))?[3..]
            ?? throw new IOException("This process is in no cgroup v2 group.");

    /// <summary>Creates the group under <paramref name="ownGroup"/> and writes the limits; null with the reason when it cannot.</summary>
    public static CgroupV2? TryCreate(string root, string ownGroup, string name, SandboxLimits limits, out string? problem)
    {
        var parent = Path.Combine(root, ownGroup.Trim('/'));
        var folder = Path.Combine(parent, "datachallenge-" + name);
        try
        {
            EnableControllers(parent);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "memory.max"), limits.MemoryBytes.ToString());
            // Swap would let a program hold more than memory.max; the v1 groups cap memsw for the same reason.
            File.WriteAllText(Path.Combine(folder, "memory.swap.max"), "0");
            File.WriteAllText(Path.Combine(folder, "pids.max"), limits.MaxProcesses.ToString());
            if (limits.Cpus > 0) File.WriteAllText(Path.Combine(folder, "cpu.max"), $"{(long)(limits.Cpus * 100000)} 100000");
            problem = null;
            return new CgroupV2(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            CgroupFiles.TryRemove(folder);
            problem = e.Message;
            return null;
        }
    }

    /// <summary>Kills every member at once where the kernel can (cgroup.kill, Linux 5.14), then any left one by one.</summary>
    public void KillAll()
    {
        var kill = Path.Combine(_folder, "cgroup.kill");
        if (File.Exists(kill))
        {
            try { File.WriteAllText(kill, "1"); } catch (IOException) { }
        }

        CgroupFiles.KillAll(Path.Combine(_folder, "cgroup.procs"));
    }

    public void Dispose()
    {
        KillAll();
        CgroupFiles.TryRemove(_folder);
    }

    // A group that holds processes cannot give controllers to its children ("no internal processes"): when the
    // kernel says so, the worker's processes move into a leaf of their own first, as a delegated service does.
    private static void EnableControllers(string parent)
    {
        var available = File.ReadAllText(Path.Combine(parent, "cgroup.controllers")).Split(' ', '\n');
        var missing = Controllers.Where(c => !available.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"the cgroup v2 controller(s) {string.Join(", ", missing)} are not delegated to {parent}");

        var subtree = Path.Combine(parent, "cgroup.subtree_control");
        var enabled = File.ReadAllText(subtree).Split(' ', '\n');
        if (Controllers.All(enabled.Contains)) return;
        var request = string.Join(' ', Controllers.Select(c => "+" + c));
        try
        {
            File.WriteAllText(subtree, request);
        }
        catch (IOException)
        {
            var leaf = Path.Combine(parent, "datachallenge-worker");
            Directory.CreateDirectory(leaf);
            foreach (var pid in CgroupFiles.Members(Path.Combine(parent, "cgroup.procs")))
                File.WriteAllText(Path.Combine(leaf, "cgroup.procs"), pid.ToString());
            File.WriteAllText(subtree, request);
        }
    }
}
