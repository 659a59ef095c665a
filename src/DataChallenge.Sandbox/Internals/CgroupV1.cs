using System.Diagnostics;

namespace DataChallenge.Sandbox.Internals;

/// <summary>
/// One run's cgroup v1 groups (memory, pids, cpu), nested under this process's own groups: on a host that already
/// places us in a memory cgroup, a child of it is the only place a limit is both allowed and effective.
/// </summary>
internal sealed class CgroupV1 : IDisposable
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

    /// <summary>The cgroup.procs files a process writes its pid to, to join every group.</summary>
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
            foreach (var folder in created) TryRemove(folder);
            problem = e.Message;
            return null;
        }
    }

    /// <summary>The kernel killed a member for exceeding the memory limit.</summary>
    public bool OutOfMemory
    {
        get
        {
            // Older kernels lack the oom_kill counter; hitting the limit at all is the next best sign.
            var kills = ReadCounter(Path.Combine(MemoryFolder, "memory.oom_control"), "oom_kill");
            return kills >= 0 ? kills > 0 : ReadCounter(Path.Combine(MemoryFolder, "memory.failcnt"), null) > 0;
        }
    }

    /// <summary>A fork was refused at pids.max.</summary>
    public bool ProcessLimitHit => ReadCounter(Path.Combine(PidsFolder, "pids.events"), "max") > 0;

    /// <summary>Kills every member until the group is empty (a fork bomb refills it while we read).</summary>
    public void KillAll()
    {
        for (var round = 0; round < 50; round++)
        {
            var pids = Members().ToList();
            if (pids.Count == 0) return;
            foreach (var pid in pids)
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                }
                catch (ArgumentException) { }
                catch (InvalidOperationException) { }
                catch (System.ComponentModel.Win32Exception) { }
            }

            Thread.Sleep(20);
        }
    }

    public void Dispose()
    {
        KillAll();
        foreach (var folder in _folders) TryRemove(folder);
    }

    private IEnumerable<int> Members()
    {
        string text;
        try { text = File.ReadAllText(Path.Combine(PidsFolder, "cgroup.procs")); } catch (IOException) { yield break; }
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(line, out var pid)) yield return pid;
        }
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

    private static long ReadCounter(string file, string? key)
    {
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (key is null && parts.Length == 1 && long.TryParse(parts[0], out var value)) return value;
                if (parts.Length == 2 && parts[0] == key && long.TryParse(parts[1], out var keyed)) return keyed;
            }
        }
        catch (IOException)
        {
        }

        return -1;
    }

    private static void TryRemove(string folder)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                Directory.Delete(folder);
                return;
            }
            catch (IOException)
            {
                // The last members may still be exiting.
                Thread.Sleep(50);
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}
