using DataChallenge.Contracts;

namespace DataChallenge.Api.Tests.CodePhases;

/// <summary>What a code-run worker publishes, as the tests stand in for it.</summary>
public static class CodeRunMessages
{
    public static CodeRunLimits Limits { get; } = new() { WallClockSeconds = 60, CpuSeconds = 60, MemoryBytes = 1 << 30, MaxProcesses = 16, OutputBytes = 1 << 20 };

    public static CodeRunStarted Started(Guid id, int attempt) => new() { SubmissionId = id, Attempt = attempt, StartedAt = DateTimeOffset.UtcNow, Worker = "test-worker" };

    public static CodeRunFinished Finished(Guid id, int attempt, bool smoke, double durationMs = 1500, bool succeeded = true, string? logKey = null,
        string predictionsSha = "abc123")
        => new()
        {
            SubmissionId = id, Attempt = attempt, Smoke = smoke, Succeeded = succeeded,
            Summary = succeeded ? "exited with code 0" : "exited with code 1 and wrote no predictions.csv",
            LogKey = logKey, FinishedAt = DateTimeOffset.UtcNow,
            Provenance = new CodeRunProvenance
            {
                ArchiveSha256 = "a1", Runtime = "python", RuntimeIdentity = "sha256:runtime", InputsVersion = 1, LabelsVersion = smoke ? null : 1,
                Limits = Limits, DurationMilliseconds = durationMs, PeakMemoryBytes = 123_456, Worker = "test-worker", PredictionsSha256 = predictionsSha,
            },
        };
}
