namespace DataChallenge.Core.Leaderboards;

/// <summary>
/// Rescoring of a phase's scored submissions against one labels version and configuration. The boards keep the old
/// scores until every submission has an outcome, then switch in one transaction.
/// </summary>
public sealed class RescoreRun
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PhaseId { get; init; }
    public int LabelsVersion { get; init; }
    public required string ConfigHash { get; init; }

    /// <summary>How many submissions were sent; the run completes when each has an outcome.</summary>
    public int Total { get; init; }

    public Guid? RequestedBy { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Ranks before and after the switch (JSON), filled at completion.</summary>
    public string? RankChangesJson { get; set; }
}
