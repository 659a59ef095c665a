using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Leaderboard.Live;

/// <summary>
/// What changed on a board from version <see cref="Since"/> to <see cref="Version"/>: the rows of teams that were added,
/// moved or rescored (whole, so a client replaces them), and the teams that left the board.
/// </summary>
public sealed record BoardDelta(Guid PhaseId, long Version, long Since, DateTimeOffset UpdatedAt, IReadOnlyList<LeaderboardRow> Rows, IReadOnlyList<Guid> Removed);
