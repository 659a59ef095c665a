namespace DataChallenge.Sandbox;

/// <summary>How a program run ended.</summary>
public enum ProgramExit
{
    /// <summary>The process exited by itself (see <see cref="ProgramRun.ExitCode"/>).</summary>
    Exited,

    /// <summary>Stopped at the wall-clock limit.</summary>
    TimedOut,

    /// <summary>Stopped because it wrote more than the output limit to stdout or stderr.</summary>
    OutputLimitExceeded,

    /// <summary>Not started: the sandbox could not be set up.</summary>
    NotStarted,
}

/// <summary>The result of one sandboxed program run. Output and reasons are for the organiser only.</summary>
public sealed record ProgramRun
{
    public required ProgramExit Exit { get; init; }
    public int? ExitCode { get; init; }
    public required string Stdout { get; init; }
    public required string Stderr { get; init; }
    public long StdoutBytes { get; init; }
    public long StderrBytes { get; init; }
    public TimeSpan Elapsed { get; init; }

    /// <summary>The memory cgroup reported an out-of-memory kill (bubblewrap only).</summary>
    public bool MemoryLimitReached { get; init; }

    /// <summary>The pids cgroup refused a fork at its cap (bubblewrap only).</summary>
    public bool ProcessLimitReached { get; init; }

    /// <summary>The run's peak memory from its cgroup (bubblewrap only); null where the host reports none.</summary>
    public long? PeakMemoryBytes { get; init; }

    /// <summary>The output folder was full when the run ended: the program wrote as much as it may.</summary>
    public bool OutputFolderFull { get; init; }

    /// <summary>A limit the worker could not apply on this host (no cgroups, no output cap); null when all hold.</summary>
    public string? SandboxWarning { get; init; }

    public bool Succeeded => Exit == ProgramExit.Exited && ExitCode == 0;

    /// <summary>
    /// One line: how the run ended and which limit, if any, stopped it. It never quotes the program's output, so it
    /// may be shown to whoever wrote the program.
    /// </summary>
    public string Describe(string subject = "The scoring program")
    {
        var what = Exit switch
        {
            ProgramExit.TimedOut => $"stopped at the time limit after {Elapsed.TotalSeconds:0.#} s",
            ProgramExit.OutputLimitExceeded => "stopped for writing too much to stdout/stderr",
            ProgramExit.NotStarted => "could not be started",
            _ => ExitCode switch
            {
                0 => "exited normally",
                137 => "was killed (exit 137: memory or CPU-time limit)",
                153 => "was killed for writing a file larger than the limit (exit 153)",
                { } code => $"exited with code {code}",
                null => "ended without an exit code",
            },
        };
        if (MemoryLimitReached) what += "; it reached the memory limit";
        if (ProcessLimitReached) what += "; it reached the process-count limit";
        if (OutputFolderFull) what += "; it filled its output folder";
        return subject + " " + what + ".";
    }
}
