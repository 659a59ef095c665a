namespace DataChallenge.Core.Leaderboards;

/// <summary>What a caller who is not an organiser may see of a board: nothing when hidden, numbers instead of names when anonymised.</summary>
public static class BoardView
{
    public static LeaderboardSnapshot For(LeaderboardSnapshot board, bool isOrganiser)
    {
        if (isOrganiser) return board;
        if (board.Hidden) return board with { Rows = [], Baselines = [], Finalists = null };
        if (!board.Anonymised) return board;
        var shown = board.Rows.Select((row, i) => (row.TeamId, Team: $"Team {i + 1}")).ToDictionary(r => r.TeamId, r => r.Team);
        return board with
        {
            Rows = board.Rows.Select((row, i) => row with { TeamId = Guid.Empty, Team = $"Team {i + 1}" }).ToList(),
            Finalists = board.Finalists is { } finalists
                ? finalists with { Standings = finalists.Standings.Select(s => s with { TeamId = Guid.Empty, Team = shown.GetValueOrDefault(s.TeamId, "Team") }).ToList() }
                : null,
        };
    }
}
