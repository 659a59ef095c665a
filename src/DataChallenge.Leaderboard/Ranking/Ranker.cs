using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Leaderboard.Ranking;

/// <summary>Orders a phase's entries by their primary score alone: best first, then the earlier submission; equal scores share a rank.</summary>
public static class Ranker
{
    public static List<LeaderboardRow> Rank(IEnumerable<LeaderboardEntry> entries, IReadOnlyDictionary<Guid, string> teamNames, bool higherIsBetter)
    {
        var byTeam = entries.ToDictionary(e => e.TeamId);
        var ranked = BoardRanker.Rank(
            byTeam.Values.Select(e => new RankCandidate(e.TeamId, e.SubmissionId, [e.Score], e.SubmittedAt, e.IntervalLower, e.IntervalUpper)),
            [higherIsBetter]);
        return ranked.Select(r => RowOf(r, byTeam[r.Candidate.TeamId], teamNames)).ToList();
    }

    public static LeaderboardRow RowOf(RankedCandidate ranked, LeaderboardEntry entry, IReadOnlyDictionary<Guid, string> teamNames)
        => new(ranked.Rank, entry.TeamId, teamNames.GetValueOrDefault(entry.TeamId, "(unknown team)"), entry.Score,
            entry.IntervalLower, entry.IntervalUpper, entry.Entries, entry.SubmittedAt, entry.LastSubmittedAt, ranked.StatisticallyTied);
}
