namespace DataChallenge.Contracts;

/// <summary>
/// The worker scoring a submission is still at it. Sent at a fixed interval while the scoring runs, so a long program
/// (or a long code run) keeps its submission from being taken for stuck and dispatched again.
/// </summary>
public sealed record SubmissionScoringRenewed
{
    public required Guid SubmissionId { get; init; }
    public required int Attempt { get; init; }
    public required DateTimeOffset RenewedAt { get; init; }
}
