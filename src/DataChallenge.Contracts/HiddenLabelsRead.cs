namespace DataChallenge.Contracts;

/// <summary>
/// A worker opened a phase's hidden labels. The worker has no database, so it reports every read and the leaderboard
/// role writes it to the challenge's audit trail.
/// </summary>
public sealed record HiddenLabelsRead
{
    public required Guid SubmissionId { get; init; }
    public required string LabelsKey { get; init; }
    public int? LabelsVersion { get; init; }

    /// <summary>Why the labels were read: <c>score</c> or <c>interval</c>.</summary>
    public required string Purpose { get; init; }

    public required DateTimeOffset ReadAt { get; init; }
}
