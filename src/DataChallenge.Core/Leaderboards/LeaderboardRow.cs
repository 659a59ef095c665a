using System.Text.Json.Serialization;

namespace DataChallenge.Core.Leaderboards;

/// <summary>One team's line on a board.</summary>
/// <param name="StatisticallyTied">The team's bootstrap interval overlaps the one of the line above.</param>
/// <param name="PublicRank">On the private board: the team's rank on the public board, to show who moved.</param>
/// <param name="Values">Every metric of the phase, in <see cref="LeaderboardSnapshot.Metrics"/> order.</param>
/// <param name="SubmissionId">The submission the line stands for; kept off the wire, read by the per-group board.</param>
public sealed record LeaderboardRow(
    int Rank,
    Guid TeamId,
    string Team,
    double Score,
    double? IntervalLower,
    double? IntervalUpper,
    int Entries,
    DateTimeOffset SubmittedAt,
    DateTimeOffset LastSubmittedAt,
    bool StatisticallyTied = false,
    int? PublicRank = null,
    MetricValues? Values = null,
    [property: JsonIgnore] Guid SubmissionId = default);

/// <summary>An organiser's reference submission: shown beside the ranking, never in it.</summary>
public sealed record BaselineRow(Guid SubmissionId, string Name, double? Score, DateTimeOffset SubmittedAt);

/// <summary>A phase's board at one moment; <see cref="Version"/> grows with every change.</summary>
/// <param name="Board"><c>public</c> or <c>private</c>.</param>
/// <param name="Hidden">The organisers hide the public board; others get no rows.</param>
public sealed record LeaderboardSnapshot(
    Guid PhaseId,
    long Version,
    DateTimeOffset UpdatedAt,
    string? PrimaryMetric,
    bool HigherIsBetter,
    IReadOnlyList<LeaderboardRow> Rows)
{
    public string Board { get; init; } = SplitScores.Public;

    /// <summary>The phase's metrics, primary first: the columns of every line's values.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];
    public bool Hidden { get; init; }
    public bool Anonymised { get; init; }
    public int ScoreDecimals { get; init; } = 4;
    public DateTimeOffset? RevealedAt { get; init; }
    public IReadOnlyList<BaselineRow> Baselines { get; init; } = [];

    /// <summary>The latest paired comparison of the finalists, on the private board only.</summary>
    public FinalistComparisonView? Finalists { get; init; }
}
