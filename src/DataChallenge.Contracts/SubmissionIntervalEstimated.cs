namespace DataChallenge.Contracts;

/// <summary>
/// The bootstrap interval of a scored submission's primary metric. It follows <see cref="SubmissionScored"/> as a
/// second message because resampling costs far more than scoring: the board moves first, the interval joins it after.
/// </summary>
public sealed record SubmissionIntervalEstimated
{
    public required Guid SubmissionId { get; init; }
    public required int Attempt { get; init; }
    public required ScoreInterval Interval { get; init; }
}
