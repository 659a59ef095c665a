namespace DataChallenge.Contracts;

/// <summary>
/// A phase's standings were written: every leaderboard replica, each on a queue of its own, rebuilds the phase's board
/// from the database. Published once, by whichever replica wrote them, after the commit.
/// </summary>
public sealed record PhaseBoardUpdated
{
    public required Guid PhaseId { get; init; }

    /// <summary>The board version those standings were committed with; a replica that holds it or a later one has nothing to do.</summary>
    public required long Version { get; init; }

    /// <summary>
    /// The one team whose entry this version changed, when it changed nothing else: a replica that holds the version
    /// before reads that team's entry alone. Null when the change may touch more (baselines, settings, rescoring).
    /// </summary>
    public Guid? TeamId { get; init; }
}
