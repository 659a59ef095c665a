namespace DataChallenge.Contracts;

/// <summary>
/// Asks a code-run worker to run a competitor's archive on a phase's test inputs (or on its public smoke data) and, for a
/// run on the hidden inputs, to hand the predictions it wrote to scoring. Carries object keys, never file bytes, and
/// never the hidden labels' key: the labels do not go near a competitor's program.
/// </summary>
public sealed record RunCodeSubmission
{
    public required Guid SubmissionId { get; init; }

    /// <summary>Dispatch attempt, starting at 1; a re-dispatch of a stuck run increments it.</summary>
    public required int Attempt { get; init; }

    public required Guid PhaseId { get; init; }

    /// <summary>Key of the competitor's zip in the submissions bucket.</summary>
    public required string ArchiveKey { get; init; }

    /// <summary>True for a run on the public smoke data: its log is the competitor's to read and nothing is scored.</summary>
    public required bool Smoke { get; init; }

    /// <summary>Prefix of the input files: in the hidden bucket for a real run, in the public bucket for a smoke run.</summary>
    public required string InputsPrefix { get; init; }

    public required int InputsVersion { get; init; }

    /// <summary>Runtime name, as the phase names it (for example <c>python</c>).</summary>
    public required string Runtime { get; init; }

    public required CodeRunLimits Limits { get; init; }

    /// <summary>The file the run must write in its output folder.</summary>
    public required string PredictionsFile { get; init; }

    /// <summary>Where the worker stores the predictions the run wrote (submissions bucket).</summary>
    public required string PredictionsKey { get; init; }

    /// <summary>Where the worker stores the run's capped log (submissions bucket).</summary>
    public required string LogKey { get; init; }

    /// <summary>For a real run: the scoring command the worker sends once the predictions are stored. Null for smoke runs.</summary>
    public ScoreSubmission? Scoring { get; init; }
}

/// <summary>The limits of one code run, as the phase sets them.</summary>
public sealed record CodeRunLimits
{
    public required int WallClockSeconds { get; init; }
    public required int CpuSeconds { get; init; }
    public required long MemoryBytes { get; init; }
    public required int MaxProcesses { get; init; }
    public required long OutputBytes { get; init; }
}
