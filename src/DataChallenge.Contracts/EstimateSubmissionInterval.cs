namespace DataChallenge.Contracts;

/// <summary>
/// Asks a worker for the bootstrap interval of a submission already scored. It has its own queue so that the
/// resampling, which costs far more than scoring, never holds up the next submission's score.
/// </summary>
public sealed record EstimateSubmissionInterval
{
    public required Guid SubmissionId { get; init; }
    public required int Attempt { get; init; }
    public required string PredictionsKey { get; init; }
    public required string LabelsKey { get; init; }
    public required string ScoringConfig { get; init; }
    public required string PrimaryMetric { get; init; }

    /// <summary>The labels version behind <see cref="LabelsKey"/>, for the audit trail.</summary>
    public int? LabelsVersion { get; init; }
}
