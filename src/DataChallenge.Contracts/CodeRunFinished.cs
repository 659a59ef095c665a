namespace DataChallenge.Contracts;

/// <summary>
/// A code run ended. For a run on the hidden inputs that wrote its predictions, the scoring command follows on the
/// scoring queue; a run that did not is followed by <see cref="SubmissionRejected"/> (the competitor's code) or
/// <see cref="SubmissionFailed"/> (the platform). A smoke run ends here.
/// </summary>
public sealed record CodeRunFinished
{
    public required Guid SubmissionId { get; init; }
    public required int Attempt { get; init; }
    public required bool Smoke { get; init; }

    /// <summary>The program exited normally and wrote its predictions file.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>
    /// How the run ended, in the competitor's words ("stopped at the time limit of 60 s"). Never quotes the program's
    /// output: on hidden inputs that output may carry hidden data.
    /// </summary>
    public required string Summary { get; init; }

    /// <summary>Key of the stored, capped log; shown to the competitor for smoke runs only, to organisers always.</summary>
    public string? LogKey { get; init; }

    public required CodeRunProvenance Provenance { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
}

/// <summary>Everything needed to say what ran, on what, and how: recorded with the score.</summary>
public sealed record CodeRunProvenance
{
    public required string ArchiveSha256 { get; init; }
    public required string Runtime { get; init; }

    /// <summary>The runtime's identity: an image digest, or a hash of its exact package versions.</summary>
    public required string RuntimeIdentity { get; init; }

    public required int InputsVersion { get; init; }
    public int? LabelsVersion { get; init; }
    public required CodeRunLimits Limits { get; init; }
    public required double DurationMilliseconds { get; init; }

    /// <summary>Peak memory of the run's cgroup; null where the host reports none.</summary>
    public long? PeakMemoryBytes { get; init; }

    public required string Worker { get; init; }

    /// <summary>SHA-256 of the predictions the run wrote; a re-run that writes other bytes is not reproducible.</summary>
    public string? PredictionsSha256 { get; init; }
}
