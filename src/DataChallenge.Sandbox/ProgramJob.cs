namespace DataChallenge.Sandbox;

/// <summary>
/// The folders of one program run. A scoring program's are laid out as in Codabench: <c>program/</c> (the organiser's
/// code, read-only), <c>input/ref/</c> (hidden labels, read-only), <c>input/res/</c> (the prediction file, read-only)
/// and <c>output/</c>. A competitor's code run has <c>code/</c> and <c>input/</c> (the test inputs), both read-only, and
/// <c>output/</c>: no labels folder exists at all. Inside the sandbox they appear under <see cref="MountRoot"/>, as
/// <see cref="Mounts"/> lists them. Disposing removes the whole folder.
/// </summary>
public sealed class ProgramJob : IDisposable
{
    public const string MountRoot = "/app";
    public const string ProgramMount = MountRoot + "/program";
    public const string InputMount = MountRoot + "/input";
    public const string ReferenceMount = InputMount + "/ref";
    public const string ResultMount = InputMount + "/res";
    public const string OutputMount = MountRoot + "/output";
    public const string CodeMount = MountRoot + "/code";

    private readonly bool _codeRun;
    private bool _outputMounted;

    private ProgramJob(string root, bool codeRun)
    {
        Root = root;
        Id = Path.GetFileName(root);
        _codeRun = codeRun;
    }

    public string Id { get; }
    public string Root { get; }
    public string ProgramFolder => Path.Combine(Root, _codeRun ? "code" : "program");

    /// <summary>A code run's test inputs (read-only); in a scoring job, the parent of the labels and predictions folders.</summary>
    public string InputFolder => Path.Combine(Root, "input");
    public string ReferenceFolder => Path.Combine(Root, "input", "ref");
    public string ResultFolder => Path.Combine(Root, "input", "res");
    public string OutputFolder => Path.Combine(Root, "output");

    /// <summary>Files for launching the sandbox (its argument list, its seccomp filter); the program never sees them.</summary>
    public string LaunchFolder => Path.Combine(Root, "launch");

    /// <summary>Generated /etc files (passwd, group) bound read-only in place of the host's.</summary>
    public string EtcFolder => Path.Combine(Root, "etc");

    /// <summary>Where the program starts: its own folder inside the sandbox.</summary>
    public string WorkingMount => _codeRun ? CodeMount : ProgramMount;

    /// <summary>The job's folders as the sandbox shows them; only the output folder is writable.</summary>
    public IReadOnlyList<JobMount> Mounts => _codeRun
        ? [new(ProgramFolder, CodeMount, false), new(InputFolder, InputMount, false), new(OutputFolder, OutputMount, true)]
        : [new(ProgramFolder, ProgramMount, false), new(ReferenceFolder, ReferenceMount, false), new(ResultFolder, ResultMount, false),
            new(OutputFolder, OutputMount, true)];

    /// <summary>Makes an empty scoring job under <paramref name="workRoot"/>, with a name nobody can guess.</summary>
    public static ProgramJob Create(string workRoot) => Create(workRoot, codeRun: false);

    /// <summary>Makes an empty job for a competitor's code: code, inputs and output, and no place for labels.</summary>
    public static ProgramJob CreateForCode(string workRoot) => Create(workRoot, codeRun: true);

    private static ProgramJob Create(string workRoot, bool codeRun)
    {
        Directory.CreateDirectory(workRoot);
        // Others may pass through the work root (the program runs as nobody) but not list it.
        SetMode(workRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var job = new ProgramJob(Path.Combine(Path.GetFullPath(workRoot), Guid.NewGuid().ToString("N")), codeRun);
        foreach (var folder in job.ReadOnlyFolders.Append(job.LaunchFolder)) Directory.CreateDirectory(folder);
        SetMode(job.LaunchFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(job.EtcFolder, "passwd"), "nobody:x:65534:65534:nobody:/tmp:/usr/sbin/nologin\n");
        File.WriteAllText(Path.Combine(job.EtcFolder, "group"), "nogroup:x:65534:\n");
        job.ResetOutput();
        return job;
    }

    /// <summary>Empties the output folder between runs (one run per split).</summary>
    public void ResetOutput()
    {
        UnmountOutput();
        if (Directory.Exists(OutputFolder)) Directory.Delete(OutputFolder, recursive: true);
        Directory.CreateDirectory(OutputFolder);
        // The program runs as nobody and must be able to write here, and only here.
        SetMode(OutputFolder, (UnixFileMode)0x1FF);
    }

    /// <summary>
    /// Caps the output folder as a whole with a tmpfs of <paramref name="bytes"/> (until the next reset); false with the
    /// reason when this process may not mount.
    /// </summary>
    public bool CapOutput(long bytes, out string? problem)
    {
        problem = null;
        if (_outputMounted) return true;
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            problem = "the worker is not root";
            return false;
        }

        _outputMounted = Internals.TmpfsMount.TryMount(OutputFolder, bytes, out problem);
        return _outputMounted;
    }

    /// <summary>Whether the capped output folder has no room left.</summary>
    public bool OutputFull => _outputMounted && new DriveInfo(OutputFolder).AvailableFreeSpace < 64 * 1024;

    /// <summary>Makes everything the program reads readable by nobody (its own uid under bubblewrap as root).</summary>
    public void OpenForReading()
    {
        var directoryMode = (UnixFileMode)0x1ED; // rwxr-xr-x
        var fileMode = (UnixFileMode)0x1A4; // rw-r--r--
        SetMode(Root, directoryMode);
        SetMode(InputFolder, directoryMode);
        foreach (var top in ReadOnlyFolders)
        {
            SetMode(top, directoryMode);
            foreach (var path in Directory.EnumerateFileSystemEntries(top, "*", SearchOption.AllDirectories))
                SetMode(path, Directory.Exists(path) ? directoryMode : fileMode);
        }
    }

    private IEnumerable<string> ReadOnlyFolders => Mounts.Where(m => !m.Writable).Select(m => m.HostFolder).Append(EtcFolder);

    // Job folders only exist on the Linux hosts that run programs; elsewhere modes are left as they are.
    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
    }

    private void UnmountOutput()
    {
        if (!_outputMounted) return;
        Internals.TmpfsMount.Unmount(OutputFolder);
        _outputMounted = false;
    }

    public void Dispose()
    {
        UnmountOutput();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A job folder and where the sandbox shows it.</summary>
public sealed record JobMount(string HostFolder, string SandboxPath, bool Writable);
