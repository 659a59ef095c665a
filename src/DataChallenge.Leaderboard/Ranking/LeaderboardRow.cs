namespace DataChallenge.Leaderboard.Ranking;

/// <summary>One team's line on a public board.</summary>
public sealed record LeaderboardRow(
    int Rank,
    Guid TeamId,
    string Team,
    double Score,
    double? IntervalLower,
    double? IntervalUpper,
    int Entries,
    DateTimeOffset SubmittedAt,
    DateTimeOffset LastSubmittedAt);

/// <summary>A phase's board at one moment; <see cref="Version"/> grows with every change.</summary>
public sealed record LeaderboardSnapshot(
    Guid PhaseId,
    long Version,
    DateTimeOffset UpdatedAt,
    string? PrimaryMetric,
    bool HigherIsBetter,
    IReadOnlyList<LeaderboardRow> Rows);
