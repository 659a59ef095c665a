using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Leaderboard.Live;

/// <summary>
/// What changed on a board from version <see cref="Since"/> to <see cref="Version"/>: the rows of teams that were added
/// or changed beyond their rank (whole, so a client replaces them), the new ranks of teams that only moved, and the teams
/// that left the board. A score high on a long board moves every row below it, so moves are sent without the rest of the row.
/// </summary>
public sealed record BoardDelta(Guid PhaseId, long Version, long Since, DateTimeOffset UpdatedAt, IReadOnlyList<LeaderboardRow> Rows,
    IReadOnlyList<RankMove> Moved, IReadOnlyList<Guid> Removed);

/// <summary>A team whose row is unchanged but for its rank.</summary>
public readonly record struct RankMove(Guid TeamId, int Rank);
