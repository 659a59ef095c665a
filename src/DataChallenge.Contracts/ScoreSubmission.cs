namespace DataChallenge.Contracts;

/// <summary>Asks a scoring worker to score one submission. Carries ids and object keys, never file bytes.</summary>
public sealed record ScoreSubmission
{
    public required Guid SubmissionId { get; init; }

    /// <summary>Dispatch attempt, starting at 1; a re-dispatch of a stuck submission increments it.</summary>
    public required int Attempt { get; init; }

    public required Guid PhaseId { get; init; }

    /// <summary>Key of the prediction file in the submissions bucket.</summary>
    public required string PredictionsKey { get; init; }

    /// <summary>Key of the hidden labels in the hidden-labels bucket; only the worker may read it.</summary>
    public required string LabelsKey { get; init; }

    public required int LabelsVersion { get; init; }

    /// <summary>The phase's scoring configuration document (JSON).</summary>
    public required string ScoringConfig { get; init; }

    /// <summary>Set when the organisers asked for this scoring to replace earlier scores; the board waits for the whole run.</summary>
    public Guid? RescoreRunId { get; init; }

    /// <summary>Hash of <see cref="ScoringConfig"/>, so the recorded score names the configuration that produced it.</summary>
    public string? ScoringConfigHash { get; init; }
}
