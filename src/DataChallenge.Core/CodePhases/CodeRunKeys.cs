using DataChallenge.Core.Challenges;

namespace DataChallenge.Core.CodePhases;

/// <summary>
/// Keys of a code submission's objects in the submissions bucket. What a run writes lives under its own prefix, so the
/// worker's write right there cannot reach the files competitors upload (compose/minio/policies/worker.json).
/// </summary>
public static class CodeRunKeys
{
    /// <summary>The prefix of everything a code run writes.</summary>
    public const string OutputsPrefix = "code-runs/";

    public static string Archive(Guid phaseId, Guid submissionId) => $"phases/{phaseId:N}/submissions/{submissionId:N}.zip";

    /// <summary>One log per attempt, so a re-run never overwrites the log organisers read of an earlier one.</summary>
    public static string Log(Guid phaseId, Guid submissionId, int attempt) => $"{OutputsPrefix}phases/{phaseId:N}/submissions/{submissionId:N}.a{attempt}.log";

    /// <summary>The predictions a run wrote; a re-run replaces them, as its new score replaces the old.</summary>
    public static string Predictions(Guid phaseId, Guid submissionId) => $"{OutputsPrefix}phases/{phaseId:N}/submissions/{submissionId:N}.csv";

    /// <summary>The file a submission is scored on: the uploaded file, or the predictions its code wrote.</summary>
    public static string ScoredFile(Phase phase, Guid submissionId, string objectKey) => phase.Code is null ? objectKey : Predictions(phase.Id, submissionId);
}
