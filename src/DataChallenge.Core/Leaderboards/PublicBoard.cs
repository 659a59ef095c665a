using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;

namespace DataChallenge.Core.Leaderboards;

/// <summary>
/// Builds a phase's public board from its materialised entries, all read afresh. The phase, and with it the version, is
/// read before: a board is never labelled newer than it is.
/// </summary>
public static class PublicBoard
{
    public static async Task<LeaderboardSnapshot> BuildAsync(DataChallengeDbContext db, Phase phase, DateTimeOffset now,
        CancellationToken cancellationToken)
        => (await PublicStandings.LoadAsync(db, phase, cancellationToken)).Board(phase, now);
}
