namespace DataChallenge.Core.Leaderboards;

/// <summary>What a caller who is not an organiser may see of a board: nothing when hidden, numbers instead of names when anonymised.</summary>
public static class BoardView
{
    public static LeaderboardSnapshot For(LeaderboardSnapshot board, bool isOrganiser)
    {
        if (isOrganiser) return board;
        if (board.Hidden) return board with { Rows = [], Baselines = [] };
        if (!board.Anonymised) return board;
        return board with
        {
            Rows = board.Rows.Select((row, i) => row with { TeamId = Guid.Empty, Team = $"Team {i + 1}" }).ToList(),
        };
    }
}
