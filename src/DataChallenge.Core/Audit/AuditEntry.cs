namespace DataChallenge.Core.Audit;

/// <summary>
/// One line of a challenge's audit trail: an organiser action or a read of hidden data. Rows are only ever added;
/// the context refuses to update or delete them.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public Guid ChallengeId { get; init; }

    /// <summary>The user who acted; null when the platform acted (a scheduled job, the scoring worker).</summary>
    public Guid? ActorId { get; init; }

    /// <summary>A dotted verb such as <c>phase.updated</c>, <c>labels.uploaded</c>, <c>labels.read</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What was acted on, e.g. <c>phase:…</c> or <c>submission:…</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>Human-readable particulars; never a hidden label value.</summary>
    public string? Detail { get; init; }

    public DateTimeOffset At { get; init; }
}
