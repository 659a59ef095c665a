using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;

namespace DataChallenge.Core.Leaderboards;

/// <summary>Builds a phase's public board from its materialised entries, all read afresh.</summary>
public static class PublicBoard
{
    public static async Task<LeaderboardSnapshot> BuildAsync(DataChallengeDbContext db, Phase phase, DateTimeOffset now,
        CancellationToken cancellationToken)
        => (await PublicStandings.LoadAsync(db, phase, cancellationToken)).Board(phase, now);
}
