namespace DataChallenge.Contracts;

/// <summary>
/// Something that shapes a phase's boards changed outside the leaderboard role (board settings, an invalidation, a
/// baseline, the reveal): every leaderboard process recomputes the phase's standings and pushes the new board.
/// </summary>
public sealed record PhaseBoardChanged
{
    public required Guid PhaseId { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
