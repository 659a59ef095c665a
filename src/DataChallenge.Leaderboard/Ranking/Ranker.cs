using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Leaderboard.Ranking;

/// <summary>Orders a phase's entries: best score first, then the earlier submission; equal scores share a rank (1, 2, 2, 4).</summary>
public static class Ranker
{
    public static List<LeaderboardRow> Rank(IEnumerable<LeaderboardEntry> entries, IReadOnlyDictionary<Guid, string> teamNames, bool higherIsBetter)
    {
        var ordered = (higherIsBetter
                ? entries.OrderByDescending(e => e.Score)
                : entries.OrderBy(e => e.Score))
            .ThenBy(e => e.SubmittedAt)
            .ToList();
        var rows = new List<LeaderboardRow>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i];
            var rank = i > 0 && ordered[i - 1].Score.Equals(entry.Score) ? rows[i - 1].Rank : i + 1;
            rows.Add(new LeaderboardRow(rank, entry.TeamId, teamNames.GetValueOrDefault(entry.TeamId, "(unknown team)"), entry.Score,
                entry.IntervalLower, entry.IntervalUpper, entry.Entries, entry.SubmittedAt, entry.LastSubmittedAt));
        }
        return rows;
    }
}
