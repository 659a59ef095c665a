namespace DataChallenge.Core.CodePhases;

/// <summary>
/// What a code phase adds to a phase: the runtime its submissions run in, the limits of a run, the team's daily compute
/// quota and the versions of its hidden inputs and public smoke data. Stored as one JSON document on the phase, so a new
/// setting needs no new column.
/// </summary>
public sealed class CodePhaseSettings
{
    public const string DefaultPredictionsFile = "predictions.csv";

    /// <summary>The runtime's name, as the workers know it (for example <c>python</c>).</summary>
    public string Runtime { get; set; } = "python";

    public int WallClockSeconds { get; set; } = 600;
    public int CpuSeconds { get; set; } = 600;
    public long MemoryBytes { get; set; } = 2L * 1024 * 1024 * 1024;
    public int MaxProcesses { get; set; } = 64;
    public long OutputBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Run minutes per team and UTC day on the hidden inputs; smoke runs never use them.</summary>
    public int RunMinutesPerDay { get; set; } = 60;

    /// <summary>Smoke runs per team and UTC day: their own small cap, apart from the compute quota.</summary>
    public int SmokeRunsPerDay { get; set; } = 10;

    /// <summary>The file a run must write in its output folder, then scored like an uploaded prediction file.</summary>
    public string PredictionsFile { get; set; } = DefaultPredictionsFile;

    public long MaxArchiveBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>0 until the organisers upload the hidden test inputs; each upload is a new version.</summary>
    public int InputsVersion { get; set; }

    /// <summary>0 until the organisers upload the public smoke data; each upload is a new version.</summary>
    public int SmokeDataVersion { get; set; }

    /// <summary>Where a version of the hidden inputs lives in the hidden bucket.</summary>
    public static string InputsPrefix(Guid phaseId, int version) => $"phases/{phaseId:N}/inputs/v{version}/";

    /// <summary>Where a version of the smoke data lives in the public bucket.</summary>
    public static string SmokePrefix(Guid phaseId, int version) => $"phases/{phaseId:N}/smoke/v{version}/";
}
