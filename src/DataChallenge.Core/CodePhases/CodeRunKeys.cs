namespace DataChallenge.Core.CodePhases;

/// <summary>Keys of a code submission's objects in the submissions bucket, next to its archive.</summary>
public static class CodeRunKeys
{
    public static string Archive(Guid phaseId, Guid submissionId) => $"phases/{phaseId:N}/submissions/{submissionId:N}.zip";

    /// <summary>One log per attempt, so a re-run never overwrites the log organisers read of an earlier one.</summary>
    public static string Log(Guid phaseId, Guid submissionId, int attempt) => $"phases/{phaseId:N}/submissions/{submissionId:N}.a{attempt}.log";
}
