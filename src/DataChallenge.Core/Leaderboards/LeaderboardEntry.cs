namespace DataChallenge.Core.Leaderboards;

/// <summary>A team's standing on a phase's public board: its best scored submission. One row per team and phase.</summary>
public sealed class LeaderboardEntry
{
    public Guid PhaseId { get; init; }
    public Guid TeamId { get; init; }
    public Guid SubmissionId { get; set; }
    public double Score { get; set; }
    public double? IntervalLower { get; set; }
    public double? IntervalUpper { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public bool HigherIsBetter { get; set; }
    public int Entries { get; set; }
    public DateTimeOffset LastSubmittedAt { get; set; }
}
