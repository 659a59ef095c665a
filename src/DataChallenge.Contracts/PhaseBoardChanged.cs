namespace DataChallenge.Contracts;

/// <summary>
/// Something that shapes a phase's boards changed outside the leaderboard role (board settings, an invalidation, a
/// baseline, the reveal): one leaderboard replica recomputes the phase's standings, then announces them to all with
/// <see cref="PhaseBoardUpdated"/>.
/// </summary>
public sealed record PhaseBoardChanged
{
    public required Guid PhaseId { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
