namespace DataChallenge.Contracts;

/// <summary>Scoring could not complete for a reason that is not the competitor's (e.g. unreadable hidden labels).</summary>
public sealed record SubmissionFailed
{
    public required Guid SubmissionId { get; init; }
    public required int Attempt { get; init; }

    /// <summary>For organisers only; never shown to the competitor.</summary>
    public required string Reason { get; init; }

    public required DateTimeOffset FailedAt { get; init; }
}
