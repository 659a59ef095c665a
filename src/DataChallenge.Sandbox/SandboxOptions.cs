namespace DataChallenge.Sandbox;

/// <summary>Which isolation runs organiser programs.</summary>
public enum SandboxKind
{
    /// <summary>No sandbox: organiser programs are refused.</summary>
    None,

    /// <summary>bubblewrap namespaces on the worker's host, with cgroup v1 memory and pids caps.</summary>
    Bubblewrap,

    /// <summary>One <c>docker run</c> per program, for worker hosts with a container engine.</summary>
    Container,
}

/// <summary>Configuration section "Sandbox".</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public SandboxKind Kind { get; set; } = SandboxKind.Bubblewrap;

    /// <summary>Where job folders are made; empty means a folder under the system temp folder.</summary>
    public string WorkRoot { get; set; } = "";

    public SandboxLimits Limits { get; set; } = new();

    public string BubblewrapPath { get; set; } = "/usr/bin/bwrap";

    /// <summary>Host folders the program sees read-only under bubblewrap, besides /usr and the root links into it.</summary>
    public List<string> ReadOnlyHostPaths { get; set; } = ["/etc/alternatives", "/etc/ld.so.cache", "/etc/localtime"];

    /// <summary>Root of the cgroup v1 hierarchies; memory and pids caps need them writable (root).</summary>
    public string CgroupRoot { get; set; } = "/sys/fs/cgroup";

    public string DockerPath { get; set; } = "docker";

    /// <summary>
    /// When the worker itself runs in a container, the host path of <see cref="WorkRoot"/>: <c>docker run</c> mounts
    /// are resolved by the engine on the host. Empty when both paths are the same.
    /// </summary>
    public string ContainerHostWorkRoot { get; set; } = "";

    /// <summary>Runtime name (as in the program configuration) → container image.</summary>
    public Dictionary<string, string> Runtimes { get; set; } = new(StringComparer.Ordinal)
    {
        ["python"] = "datachallenge/scoring-python:1",
    };

    public string ResolvedWorkRoot => WorkRoot.Length > 0 ? WorkRoot : Path.Combine(Path.GetTempPath(), "datachallenge-sandbox");
}

/// <summary>Limits for one program run.</summary>
public sealed record SandboxLimits
{
    public TimeSpan WallClock { get; set; } = TimeSpan.FromMinutes(5);
    public int CpuSeconds { get; set; } = 300;
    public long MemoryBytes { get; set; } = 1024L * 1024 * 1024;
    public int MaxProcesses { get; set; } = 64;

    /// <summary>Largest file the program may write (RLIMIT_FSIZE).</summary>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Total size of everything the program may write to its output folder.</summary>
    public long OutputFolderBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Size of the program's private /tmp.</summary>
    public long TmpBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How much of stdout and of stderr is kept for the organiser.</summary>
    public int CapturedOutputBytes { get; set; } = 64 * 1024;

    /// <summary>A program that writes more than this to stdout or stderr is stopped.</summary>
    public long MaxOutputBytes { get; set; } = 16L * 1024 * 1024;

    public double Cpus { get; set; } = 1;
}
