using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Leaderboard.Live;

/// <summary>Compares two versions of the same view of a board, row by row, keyed by team.</summary>
public static class BoardDiff
{
    /// <summary>
    /// The rows that differ, or null when only a full board can say what changed: anything above the rows changed, or
    /// the rows carry no team identity (an anonymised view numbers its rows by position).
    /// </summary>
    public static BoardDelta? Between(LeaderboardSnapshot previous, LeaderboardSnapshot next)
    {
        if (!SameFrame(previous, next) || next.Anonymised || HasDuplicateTeams(previous) || HasDuplicateTeams(next)) return null;
        var before = previous.Rows.ToDictionary(r => r.TeamId);
        var (rows, moved) = (new List<LeaderboardRow>(), new List<RankMove>());
        foreach (var row in next.Rows)
        {
            if (!before.TryGetValue(row.TeamId, out var was)) rows.Add(row);
            else if (was == row) continue;
            else if (was with { Rank = row.Rank } == row) moved.Add(new RankMove(row.TeamId, row.Rank));
            else rows.Add(row);
        }
        var kept = next.Rows.Select(r => r.TeamId).ToHashSet();
        var removed = previous.Rows.Select(r => r.TeamId).Where(id => !kept.Contains(id)).ToList();
        return new BoardDelta(next.PhaseId, next.Version, previous.Version, next.UpdatedAt, rows, moved, removed);
    }

    private static bool SameFrame(LeaderboardSnapshot a, LeaderboardSnapshot b)
        => a.PhaseId == b.PhaseId && a.PrimaryMetric == b.PrimaryMetric && a.HigherIsBetter == b.HigherIsBetter && a.Board == b.Board
           && a.Hidden == b.Hidden && a.Anonymised == b.Anonymised && a.ScoreDecimals == b.ScoreDecimals && a.RevealedAt == b.RevealedAt
           && a.Baselines.SequenceEqual(b.Baselines);

    private static bool HasDuplicateTeams(LeaderboardSnapshot board) => board.Rows.Select(r => r.TeamId).Distinct().Count() != board.Rows.Count;
}
