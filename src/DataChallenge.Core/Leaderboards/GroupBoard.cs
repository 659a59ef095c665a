using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Leaderboards;

/// <summary>One group (centre) across the board: which team leads there. A suppressed group shows its existence only.</summary>
public sealed record GroupLeader(string Group, int Rows, bool Suppressed, string? LeaderTeam, double? LeaderValue);

/// <summary>One team's values per group, and its worst group: a model must work in every centre.</summary>
public sealed record TeamGroupValues(int Rank, Guid TeamId, string Team, double? WorstValue, string? WorstGroup, IReadOnlyDictionary<string, double?> Values);

/// <summary>A board seen per group: the same teams and submissions as the board it is built from.</summary>
public sealed record GroupBoardSnapshot(Guid PhaseId, string Board, string? PrimaryMetric, bool HigherIsBetter, IReadOnlyList<GroupLeader> Groups,
    IReadOnlyList<TeamGroupValues> Teams);

/// <summary>Builds the per-group view of a board from the per-group values of the submissions its lines stand for.</summary>
public static class GroupBoard
{
    /// <param name="board">The board as built, whose lines name their submissions.</param>
    /// <param name="view">The same board as its reader may see it (names anonymised, rows hidden), line for line.</param>
    public static async Task<GroupBoardSnapshot> BuildAsync(DataChallengeDbContext db, Phase phase, LeaderboardSnapshot board, LeaderboardSnapshot view,
        CancellationToken cancellationToken)
    {
        var ids = board.Rows.Select(r => r.SubmissionId).ToList();
        var groups = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.GroupsJson, cancellationToken);
        var split = board.Board == SplitScores.Private ? SplitScores.Private : SplitScores.Public;
        var teams = new List<TeamGroupValues>();
        var lines = new SortedDictionary<string, (int Rows, bool Suppressed)>(StringComparer.Ordinal);
        var leaders = new Dictionary<string, (string Team, double Value)>(StringComparer.Ordinal);
        for (var i = 0; i < view.Rows.Count; i++)
        {
            var row = view.Rows[i];
            var values = new SortedDictionary<string, double?>(StringComparer.Ordinal);
            foreach (var group in GroupResults.OnSplit(groups.GetValueOrDefault(board.Rows[i].SubmissionId), split))
            {
                lines[group.Group] = (group.Rows, group.Suppressed || lines.GetValueOrDefault(group.Group).Suppressed);
                if (group.Suppressed) continue;
                var value = SplitScores.Round(group.Value, phase.ScoreDecimals);
                values[group.Group] = value;
                if (value is { } v && (!leaders.TryGetValue(group.Group, out var best) || Better(v, best.Value, board.HigherIsBetter)))
                    leaders[group.Group] = (row.Team, v);
            }
            var worst = values.Where(v => v.Value is not null).OrderBy(v => board.HigherIsBetter ? v.Value : -v.Value).FirstOrDefault();
            teams.Add(new TeamGroupValues(row.Rank, row.TeamId, row.Team, worst.Value, worst.Key, values));
        }

        var leaderLines = lines.Select(l => l.Value.Suppressed
            ? new GroupLeader(l.Key, l.Value.Rows, true, null, null)
            : new GroupLeader(l.Key, l.Value.Rows, false, leaders.TryGetValue(l.Key, out var lead) ? lead.Team : null,
                leaders.TryGetValue(l.Key, out var value) ? value.Value : null)).ToList();
        return new GroupBoardSnapshot(phase.Id, board.Board, board.PrimaryMetric, board.HigherIsBetter, leaderLines, teams);
    }

    private static bool Better(double value, double than, bool higherIsBetter) => higherIsBetter ? value > than : value < than;
}
