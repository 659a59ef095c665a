using DataChallenge.Sandbox.Internals;

namespace DataChallenge.Sandbox;

/// <summary>
/// Runs a program under bubblewrap: new user, PID, mount, IPC, UTS and network namespaces (no usable network), uid
/// nobody, a read-only view of /usr and a few runtime files, the job folders, a small private /tmp. CPU time, file
/// size and open files are capped with prlimit; memory, process count and CPU share with cgroup v1 groups made for the
/// run. When the worker runs as root the process also drops to the real uid nobody before entering the namespaces.
/// </summary>
public sealed class BubblewrapSandbox(SandboxOptions options) : ISandbox
{
    public const string PrlimitPath = "/usr/bin/prlimit";
    public const string SetprivPath = "/usr/bin/setpriv";
    private const string Nobody = "65534";

    // Joins each cgroup named before "--", then becomes the rest of the arguments: limits apply from the first instruction.
    private const string JoinCgroupsScript = "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; exec \"$@\"";

    public string Name => "bubblewrap";

    /// <summary>Whether this host can run programs this way; the reason when it cannot.</summary>
    public static bool IsAvailable(SandboxOptions options, out string reason)
    {
        if (!OperatingSystem.IsLinux()) reason = "bubblewrap needs Linux.";
        else if (!File.Exists(options.BubblewrapPath)) reason = $"bubblewrap is not installed ({options.BubblewrapPath} is missing; apt-get install bubblewrap).";
        else if (!File.Exists(PrlimitPath)) reason = $"{PrlimitPath} is missing (util-linux).";
        else
        {
            reason = "";
            return true;
        }

        return false;
    }

    public async Task<ProgramRun> RunAsync(ProgramJob job, string command, string runtime, SandboxLimits limits, CancellationToken cancellationToken)
    {
        job.OpenForReading();
        using var cgroup = CgroupV1.TryCreate(options.CgroupRoot, job.Id, limits, out var problem);
        var arguments = new List<string> { "-c", JoinCgroupsScript, "sandbox" };
        if (cgroup is not null) arguments.AddRange(cgroup.ProcsFiles);
        arguments.Add("--");
        arguments.AddRange(LauncherArguments(limits, withCgroups: cgroup is not null, asRoot: Environment.IsPrivilegedProcess));
        arguments.AddRange(BubblewrapArguments(job, command, limits));

        var run = await ProcessRunner.RunAsync("/bin/sh", arguments, limits,
            cgroup is null ? null : () => Task.Run(cgroup.KillAll, CancellationToken.None), cancellationToken);
        var described = run with
        {
            MemoryLimitReached = cgroup?.OutOfMemory ?? false,
            ProcessLimitReached = cgroup?.ProcessLimitHit ?? false,
        };
        return cgroup is null
            ? described with { Stderr = described.Stderr + $"\n[sandbox: no cgroup limits ({problem}); address-space and process rlimits used instead]" }
            : described;
    }

    /// <summary>prlimit (and, as root, setpriv) in front of bwrap; public so that tests can read the limits it sets.</summary>
    public IReadOnlyList<string> LauncherArguments(SandboxLimits limits, bool withCgroups, bool asRoot)
    {
        var arguments = new List<string>
        {
            PrlimitPath, $"--cpu={limits.CpuSeconds}:{limits.CpuSeconds}", $"--fsize={limits.MaxFileBytes}:{limits.MaxFileBytes}",
            "--core=0:0", "--nofile=256:256",
        };
        // Without cgroups these are the fallback: coarse (RLIMIT_AS counts reservations, NPROC counts the whole uid), but bounded.
        if (!withCgroups) arguments.AddRange([$"--as={limits.MemoryBytes}:{limits.MemoryBytes}", $"--nproc={limits.MaxProcesses}:{limits.MaxProcesses}"]);
        arguments.Add("--");
        if (asRoot && File.Exists(SetprivPath))
            arguments.AddRange([SetprivPath, $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--"]);
        arguments.Add(options.BubblewrapPath);
        return arguments;
    }

    /// <summary>The bwrap arguments for a job, from the namespaces to the command.</summary>
    public IReadOnlyList<string> BubblewrapArguments(ProgramJob job, string command, SandboxLimits limits)
    {
        var a = new List<string>
        {
            "--unshare-all", "--unshare-user", "--uid", Nobody, "--gid", Nobody, "--hostname", "scoring",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv",
            "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8",
            "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
            // Codabench commands name the folders as $input, $output and $program.
            "--setenv", "input", ProgramJob.InputMount, "--setenv", "output", ProgramJob.OutputMount, "--setenv", "program", ProgramJob.ProgramMount,
            "--ro-bind", "/usr", "/usr",
        };
        foreach (var top in new[] { "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" })
        {
            var info = new FileInfo(top);
            if (info.LinkTarget is { } target) a.AddRange(["--symlink", target, top]);
            else if (Directory.Exists(top)) a.AddRange(["--ro-bind", top, top]);
        }

        foreach (var path in options.ReadOnlyHostPaths.Where(p => File.Exists(p) || Directory.Exists(p)))
            a.AddRange(["--ro-bind", path, path]);
        a.AddRange([
            "--ro-bind", Path.Combine(job.EtcFolder, "passwd"), "/etc/passwd",
            "--ro-bind", Path.Combine(job.EtcFolder, "group"), "/etc/group",
            "--dev", "/dev", "--proc", "/proc",
            "--size", limits.TmpBytes.ToString(), "--tmpfs", "/tmp",
            "--ro-bind", job.ProgramFolder, ProgramJob.ProgramMount,
            "--ro-bind", job.ReferenceFolder, ProgramJob.ReferenceMount,
            "--ro-bind", job.ResultFolder, ProgramJob.ResultMount,
            "--bind", job.OutputFolder, ProgramJob.OutputMount,
            // The sandbox's own root is a tmpfs; read-only, it cannot be used to grow files outside /tmp and output.
            "--remount-ro", "/",
            "--chdir", ProgramJob.ProgramMount,
            "--", "/bin/sh", "-c", command,
        ]);
        return a;
    }
}
