namespace DataChallenge.Sandbox.Internals;

/// <summary>
/// One run's cgroup v1 groups (memory, pids, cpu), nested under this process's own groups: on a host that already
/// places us in a memory cgroup, a child of it is the only place a limit is both allowed and effective.
/// </summary>
internal sealed class CgroupV1 : IRunGroup
{
    private readonly List<string> _folders;

    private CgroupV1(List<string> folders, string memory, string pids)
    {
        _folders = folders;
        MemoryFolder = memory;
        PidsFolder = pids;
    }

    public string MemoryFolder { get; }
    public string PidsFolder { get; }

    public IEnumerable<string> ProcsFiles => _folders.Select(f => Path.Combine(f, "cgroup.procs"));

    /// <summary>Creates the groups and writes the limits; null with a reason when the hierarchy is absent or read-only.</summary>
    public static CgroupV1? TryCreate(string root, string name, SandboxLimits limits, out string? problem)
    {
        var created = new List<string>();
        try
        {
            var memory = Create(root, "memory", name, created);
            var pids = Create(root, "pids", name, created);
            // memsw must stay >= the plain limit, so the plain one is written first; with it, swap cannot be used to escape.
            File.WriteAllText(Path.Combine(memory, "memory.limit_in_bytes"), limits.MemoryBytes.ToString());
            var memsw = Path.Combine(memory, "memory.memsw.limit_in_bytes");
            if (File.Exists(memsw)) File.WriteAllText(memsw, limits.MemoryBytes.ToString());
            File.WriteAllText(Path.Combine(pids, "pids.max"), limits.MaxProcesses.ToString());
            if (Directory.Exists(Path.Combine(root, "cpu")) && limits.Cpus > 0)
            {
                var cpu = Create(root, "cpu", name, created);
                File.WriteAllText(Path.Combine(cpu, "cpu.cfs_period_us"), "100000");
                File.WriteAllText(Path.Combine(cpu, "cpu.cfs_quota_us"), ((long)(limits.Cpus * 100000)).ToString());
            }

            problem = null;
            return new CgroupV1(created, memory, pids);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            foreach (var folder in created) CgroupFiles.TryRemove(folder);
            problem = e.Message;
            return null;
        }
    }

    public bool OutOfMemory
    {
        get
        {
            // Older kernels lack the oom_kill counter; hitting the limit at all is the next best sign.
            var kills = CgroupFiles.ReadCounter(Path.Combine(MemoryFolder, "memory.oom_control"), "oom_kill");
            return kills >= 0 ? kills > 0 : CgroupFiles.ReadCounter(Path.Combine(MemoryFolder, "memory.failcnt"), null) > 0;
        }
    }

    public bool ProcessLimitHit => CgroupFiles.ReadCounter(Path.Combine(PidsFolder, "pids.events"), "max") > 0;

    public long? PeakMemoryBytes => CgroupFiles.ReadPeak(Path.Combine(MemoryFolder, "memory.max_usage_in_bytes"));

    public void KillAll() => CgroupFiles.KillAll(Path.Combine(PidsFolder, "cgroup.procs"));

    public void Dispose()
    {
        KillAll();
        foreach (var folder in _folders) CgroupFiles.TryRemove(folder);
    }

    private static string Create(string root, string controller, string name, List<string> created)
    {
        var hierarchy = Path.Combine(root, controller);
        if (!Directory.Exists(hierarchy)) throw new InvalidOperationException($"The cgroup v1 {controller} hierarchy is not mounted at {hierarchy}.");
        var folder = Path.Combine(hierarchy + OwnGroup(controller), "datachallenge-" + name);
        Directory.CreateDirectory(folder);
        created.Add(folder);
        return folder;
    }

    // "4:memory:/process_api/abc" → "/process_api/abc"; "/" stays empty so the result joins cleanly.
    private static string OwnGroup(string controller)
    {
        foreach (var line in File.ReadLines("/proc/self/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length == 3 && parts[1].Split(',').Contains(controller)) return parts[2].TrimEnd('/');
        }

        throw new InvalidOperationException($"This process is in no cgroup v1 {controller} group.");
    }
}
