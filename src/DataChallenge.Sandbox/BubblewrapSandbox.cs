using DataChallenge.Sandbox.Internals;

namespace DataChallenge.Sandbox;

/// <summary>
/// Runs a program under bubblewrap: new user, PID, mount, IPC, UTS and network namespaces (no usable network), uid
/// nobody, a read-only view of /usr and a few runtime files, the job folders, a small private /tmp. CPU time, file
/// size and open files are capped with prlimit; memory, process count and CPU share with cgroup (v1 or v2) groups made
/// for the run. When the worker runs as root the process also drops to the real uid nobody before entering the namespaces.
/// bwrap starts with an empty environment and reads its arguments from a file, so that PID 1 of the sandbox (bwrap's
/// own init) shows neither the worker's variables nor its paths; nested user namespaces are off and a seccomp filter
/// refuses the kernel calls a scorer never needs.
/// </summary>
public sealed class BubblewrapSandbox(SandboxOptions options) : ISandbox
{
    public const string PrlimitPath = "/usr/bin/prlimit";
    public const string SetprivPath = "/usr/bin/setpriv";
    private const string Nobody = "65534";

    // Joins each cgroup named before "--", then becomes the rest of the arguments with the seccomp filter open as fd 3
    // and bwrap's argument list as fd 4 (bwrap reads and closes both): limits apply from the first instruction.
    // The shell exports PWD by itself; unset, bwrap's environment is PATH alone.
    private const string LaunchScript = "unset PWD; while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; "
        + "filter=$2; list=$3; shift 3; exec \"$@\" 3<\"$filter\" 4<\"$list\"";
    private const string FilterFd = "3";
    private const string ArgumentListFd = "4";

    public string Name => "bubblewrap";

    /// <summary>Whether this host can run programs this way; the reason when it cannot.</summary>
    public static bool IsAvailable(SandboxOptions options, out string reason)
    {
        if (!OperatingSystem.IsLinux()) reason = "bubblewrap needs Linux.";
        else if (!File.Exists(options.BubblewrapPath)) reason = $"bubblewrap is not installed ({options.BubblewrapPath} is missing; apt-get install bubblewrap).";
        else if (!File.Exists(PrlimitPath)) reason = $"{PrlimitPath} is missing (util-linux).";
        else if (!SeccompFilter.IsAvailable) reason = $"{SeccompFilter.Library} is missing (apt-get install libseccomp2).";
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
        var outputCapped = job.CapOutput(limits.OutputFolderBytes, out var outputProblem);
        var filter = Path.Combine(job.LaunchFolder, "seccomp.bpf");
        SeccompFilter.Write(filter);
        var argumentList = Path.Combine(job.LaunchFolder, "bwrap.args");
        File.WriteAllText(argumentList, string.Concat(BubblewrapOptions(job, limits).Select(a => a + "\0")));

        using var cgroup = RunGroup.TryCreate(options.CgroupRoot, job.Id, limits, out var problem);
        var arguments = new List<string> { "-c", LaunchScript, "sandbox" };
        if (cgroup is not null) arguments.AddRange(cgroup.ProcsFiles);
        arguments.AddRange(["--", filter, argumentList]);
        arguments.AddRange(LauncherArguments(limits, withCgroups: cgroup is not null, asRoot: Environment.IsPrivilegedProcess));
        // bwrap takes the command itself from its command line only; it is the organiser's own, not the worker's.
        arguments.AddRange(["--args", ArgumentListFd, "--", "/bin/sh", "-c", command]);

        var run = await ProcessRunner.RunAsync("/bin/sh", arguments, limits,
            cgroup is null ? null : () => Task.Run(cgroup.KillAll, CancellationToken.None), cancellationToken);
        var weakened = new List<string>();
        if (cgroup is null) weakened.Add($"no cgroup limits ({problem}); address-space and process rlimits used instead");
        if (!outputCapped) weakened.Add($"no output folder cap ({outputProblem}); only the per-file size limit holds");
        var described = run with
        {
            MemoryLimitReached = cgroup?.OutOfMemory ?? false,
            ProcessLimitReached = cgroup?.ProcessLimitHit ?? false,
            PeakMemoryBytes = cgroup?.PeakMemoryBytes,
            OutputFolderFull = job.OutputFull,
            SandboxWarning = weakened.Count == 0 ? null : "sandbox weaker than configured: " + string.Join("; ", weakened),
        };
        return described.SandboxWarning is { } warning ? described with { Stderr = described.Stderr + $"\n[{warning}]" } : described;
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

    /// <summary>The bwrap options for a job, from the namespaces to the working folder; bwrap reads them from a file.</summary>
    public IReadOnlyList<string> BubblewrapOptions(ProgramJob job, SandboxLimits limits)
    {
        var a = new List<string>
        {
            "--unshare-all", "--unshare-user", "--disable-userns", "--uid", Nobody, "--gid", Nobody, "--hostname", "scoring",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--seccomp", FilterFd, "--clearenv",
            "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8",
            "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
            // Codabench commands name the folders as $input, $output and $program.
            "--setenv", "input", ProgramJob.InputMount, "--setenv", "output", ProgramJob.OutputMount, "--setenv", "program", job.WorkingMount,
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
        ]);
        foreach (var mount in job.Mounts) a.AddRange([mount.Writable ? "--bind" : "--ro-bind", mount.HostFolder, mount.SandboxPath]);
        // The sandbox's own root is a tmpfs; read-only, it cannot be used to grow files outside /tmp and output.
        a.AddRange(["--remount-ro", "/", "--chdir", job.WorkingMount]);
        return a;
    }
}
