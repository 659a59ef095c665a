using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Leaderboard.Live;

/// <summary>
/// What changed on a board from version <see cref="Since"/> to <see cref="Version"/>: the rows of teams that were added
/// or changed beyond their rank (whole, so a client replaces them), the rank ranges whose other rows shifted, and the
/// teams that left the board. A score high on a long board moves every row below it, so one shift says it for all of them.
/// A client applies it by dropping <see cref="Removed"/>, shifting the ranks of the rows it keeps, putting in
/// <see cref="Rows"/>, and ordering by rank, then by submission time.
/// </summary>
public sealed record BoardDelta(Guid PhaseId, long Version, long Since, DateTimeOffset UpdatedAt, IReadOnlyList<LeaderboardRow> Rows,
    IReadOnlyList<RankShift> Shifts, IReadOnlyList<Guid> Removed);

/// <summary>The kept rows whose rank was <see cref="From"/>..<see cref="To"/> (inclusive) move by <see cref="By"/> ranks.</summary>
public readonly record struct RankShift(int From, int To, int By);
