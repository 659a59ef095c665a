using DataChallenge.Contracts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.CodePhases;
using DataChallenge.Core.Submissions;

namespace DataChallenge.Api.Features.Submissions;

/// <summary>
/// The run command of a code submission. A real run carries the scoring command its predictions will get; a smoke run
/// carries none and points at the public smoke data. The labels' key travels only inside that scoring command, which
/// the worker hands to scoring after the competitor's program has ended.
/// </summary>
public static class CodeRunCommand
{
    public static RunCodeSubmission For(Submission submission, Phase phase, CodePhaseSettings code, ScoreSubmission scoring)
    {
        var inputsVersion = submission.IsSmoke ? code.SmokeDataVersion : code.InputsVersion;
        return new RunCodeSubmission
        {
            SubmissionId = submission.Id,
            Attempt = submission.Attempt,
            PhaseId = phase.Id,
            ArchiveKey = submission.ObjectKey,
            Smoke = submission.IsSmoke,
            InputsPrefix = submission.IsSmoke ? CodePhaseSettings.SmokePrefix(phase.Id, inputsVersion) : CodePhaseSettings.InputsPrefix(phase.Id, inputsVersion),
            InputsVersion = inputsVersion,
            Runtime = code.Runtime,
            Limits = new CodeRunLimits
            {
                WallClockSeconds = code.WallClockSeconds, CpuSeconds = code.CpuSeconds, MemoryBytes = code.MemoryBytes,
                MaxProcesses = code.MaxProcesses, OutputBytes = code.OutputBytes,
            },
            PredictionsFile = code.PredictionsFile,
            PredictionsKey = scoring.PredictionsKey,
            LogKey = CodeRunKeys.Log(phase.Id, submission.Id, submission.Attempt),
            Scoring = submission.IsSmoke ? null : scoring,
        };
    }
}
