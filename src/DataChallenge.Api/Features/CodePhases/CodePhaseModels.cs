using DataChallenge.Core.CodePhases;

namespace DataChallenge.Api.Features.CodePhases;

/// <summary>An organiser's code settings; every field left out keeps its current (or default) value.</summary>
public sealed record CodeSettingsRequest(
    string? Runtime = null,
    int? WallClockSeconds = null,
    int? CpuSeconds = null,
    long? MemoryBytes = null,
    int? MaxProcesses = null,
    long? OutputBytes = null,
    int? RunMinutesPerDay = null,
    int? SmokeRunsPerDay = null,
    string? PredictionsFile = null,
    long? MaxArchiveBytes = null)
{
    /// <summary>Lays the fields this request gives over <paramref name="code"/> and returns it.</summary>
    public CodePhaseSettings ApplyTo(CodePhaseSettings code)
    {
        code.Runtime = Runtime ?? code.Runtime;
        code.WallClockSeconds = WallClockSeconds ?? code.WallClockSeconds;
        code.CpuSeconds = CpuSeconds ?? code.CpuSeconds;
        code.MemoryBytes = MemoryBytes ?? code.MemoryBytes;
        code.MaxProcesses = MaxProcesses ?? code.MaxProcesses;
        code.OutputBytes = OutputBytes ?? code.OutputBytes;
        code.RunMinutesPerDay = RunMinutesPerDay ?? code.RunMinutesPerDay;
        code.SmokeRunsPerDay = SmokeRunsPerDay ?? code.SmokeRunsPerDay;
        code.PredictionsFile = PredictionsFile ?? code.PredictionsFile;
        code.MaxArchiveBytes = MaxArchiveBytes ?? code.MaxArchiveBytes;
        return code;
    }

    /// <summary>Every setting of <paramref name="c"/>, as a request that would set them all.</summary>
    public static CodeSettingsRequest From(CodePhaseSettings c)
        => new(c.Runtime, c.WallClockSeconds, c.CpuSeconds, c.MemoryBytes, c.MaxProcesses, c.OutputBytes, c.RunMinutesPerDay, c.SmokeRunsPerDay,
            c.PredictionsFile, c.MaxArchiveBytes);
}

/// <summary>
/// A code phase as its readers see it. The quota fields are the caller's team's, today (UTC); absent for a caller in no team.
/// </summary>
public sealed record CodePhaseResponse(
    Guid PhaseId,
    string Kind,
    string Runtime,
    int WallClockSeconds,
    int CpuSeconds,
    long MemoryBytes,
    int MaxProcesses,
    long OutputBytes,
    int RunMinutesPerDay,
    int SmokeRunsPerDay,
    string PredictionsFile,
    long MaxArchiveBytes,
    int InputsVersion,
    int SmokeDataVersion,
    double? RunMinutesLeftToday,
    int? SmokeRunsLeftToday)
{
    public static CodePhaseResponse From(Guid phaseId, CodePhaseSettings c, ComputeQuota? quota)
        => new(phaseId, nameof(PhaseKind.Code), c.Runtime, c.WallClockSeconds, c.CpuSeconds, c.MemoryBytes, c.MaxProcesses, c.OutputBytes,
            c.RunMinutesPerDay, c.SmokeRunsPerDay, c.PredictionsFile, c.MaxArchiveBytes, c.InputsVersion, c.SmokeDataVersion,
            quota is null ? null : Math.Round(quota.RunMinutesLeft, 2), quota?.SmokeRunsLeft);
}

/// <summary>A stored version of a data set (hidden inputs or smoke data).</summary>
public sealed record CodeDataResponse(int Version, IReadOnlyList<CodeDataFile> Files);

/// <summary>One stored version of the hidden inputs, as the organiser console lists it; <c>UploadedAt</c> is null for versions stored before it was kept.</summary>
public sealed record CodeInputsVersionResponse(int Version, DateTimeOffset? UploadedAt, long TotalBytes, int FileCount, bool Current);
