namespace DataChallenge.Hosting.ObjectStorage;

/// <summary>
/// Where the worker leaves a copy of an organiser program's detailed results that the api may serve. The copy lives in
/// the submissions bucket under its own prefix, because the api may not read the hidden bucket the originals stay in.
/// </summary>
public static class DetailedResultsKeys
{
    public const string Prefix = "detailed-results/";

    /// <summary>The worker copies no larger file: it is a page for a browser, not a data dump.</summary>
    public const long MaxBytes = 2L * 1024 * 1024;

    /// <summary>The splits a scoring run may produce; anything else is not a key the api builds.</summary>
    public static readonly IReadOnlyList<string> Splits = ["public", "private", "all"];

    public static string For(Guid phaseId, Guid submissionId, int attempt, string split)
        => $"{Prefix}{phaseId:N}/{submissionId:N}/a{attempt}/{split}.html";
}
