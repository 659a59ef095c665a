using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Leaderboard.Live;

/// <summary>Compares two versions of the same view of a board, row by row, keyed by team.</summary>
public static class BoardDiff
{
    /// <summary>
    /// The rows that differ and the rank ranges that shifted, or null when only a full board can say what changed:
    /// anything above the rows changed, the rows carry no team identity (an anonymised view numbers its rows by
    /// position), or the new order is not the one a client rebuilds from ranks and submission times.
    /// </summary>
    public static BoardDelta? Between(LeaderboardSnapshot previous, LeaderboardSnapshot next)
    {
        if (!SameFrame(previous, next) || next.Anonymised || HasDuplicateTeams(previous) || HasDuplicateTeams(next) || !InClientOrder(next))
            return null;
        var before = previous.Rows.ToDictionary(r => r.TeamId);
        var rows = new List<LeaderboardRow>();
        var moves = new List<Move>();
        foreach (var row in next.Rows)
        {
            if (before.TryGetValue(row.TeamId, out var was) && was with { Rank = row.Rank } == row) moves.Add(new Move(was.Rank, row.Rank - was.Rank, row));
            else rows.Add(row);
        }
        // A shift moves every kept row of a rank: tied rows that part ways are sent whole instead.
        var parted = moves.GroupBy(m => m.Was).Where(tied => tied.Select(m => m.By).Distinct().Count() > 1).SelectMany(tied => tied).ToHashSet();
        rows.AddRange(parted.Select(m => m.Row));
        var kept = next.Rows.Select(r => r.TeamId).ToHashSet();
        var removed = previous.Rows.Select(r => r.TeamId).Where(id => !kept.Contains(id)).ToList();
        return new BoardDelta(next.PhaseId, next.Version, previous.Version, next.UpdatedAt, rows, Shifts(moves.Where(m => !parted.Contains(m))), removed);
    }

    private readonly record struct Move(int Was, int By, LeaderboardRow Row);

    // Consecutive previous ranks that move by the same amount form one range; rows that stay put end a range.
    private static List<RankShift> Shifts(IEnumerable<Move> moves)
    {
        var shifts = new List<RankShift>();
        RankShift? open = null;
        foreach (var move in moves.OrderBy(m => m.Was))
        {
            if (open is { } run && run.By == move.By) open = run with { To = move.Was };
            else
            {
                if (open is { By: not 0 } done) shifts.Add(done);
                open = new RankShift(move.Was, move.Was, move.By);
            }
        }
        if (open is { By: not 0 } last) shifts.Add(last);
        return shifts;
    }

    /// <summary>Clients order rows by rank, then as the ranker orders equal keys: submission millisecond, then team id.</summary>
    private static int ClientOrder(LeaderboardRow a, LeaderboardRow b)
    {
        var byRank = a.Rank.CompareTo(b.Rank);
        return byRank != 0 ? byRank : BoardRanker.CompareTies(a.TeamId, a.SubmittedAt, b.TeamId, b.SubmittedAt);
    }

    private static bool InClientOrder(LeaderboardSnapshot board)
    {
        for (var i = 1; i < board.Rows.Count; i++)
            if (ClientOrder(board.Rows[i - 1], board.Rows[i]) >= 0) return false;
        return true;
    }

    private static bool SameFrame(LeaderboardSnapshot a, LeaderboardSnapshot b)
        => a.PhaseId == b.PhaseId && a.PrimaryMetric == b.PrimaryMetric && a.HigherIsBetter == b.HigherIsBetter && a.Board == b.Board
           && a.Hidden == b.Hidden && a.Anonymised == b.Anonymised && a.ScoreDecimals == b.ScoreDecimals && a.RevealedAt == b.RevealedAt
           && a.Metrics.SequenceEqual(b.Metrics) && a.Baselines.SequenceEqual(b.Baselines);

    private static bool HasDuplicateTeams(LeaderboardSnapshot board) => board.Rows.Select(r => r.TeamId).Distinct().Count() != board.Rows.Count;
}
