using System.Text.Json;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Leaderboard.Live;

namespace DataChallenge.Leaderboard.Tests.Live;

/// <summary>
/// What board.js does with a delta event, step by step, on the JSON a browser receives: drop the removed teams, shift
/// the kept rows by their previous rank, put in the sent rows, order by rank, then submission time to the millisecond, then team id.
/// </summary>
internal static class ReferenceApplier
{
    public static LeaderboardSnapshot Apply(LeaderboardSnapshot board, byte[] deltaJson)
    {
        var delta = JsonSerializer.Deserialize<BoardDelta>(deltaJson, JsonSerializerOptions.Web)!;
        Assert.Equal(board.Version, delta.Since);
        var replaced = delta.Rows.Select(r => r.TeamId).Concat(delta.Removed).ToHashSet();
        var rows = board.Rows.Where(r => !replaced.Contains(r.TeamId))
            .Select(r => delta.Shifts.FirstOrDefault(s => s.From <= r.Rank && r.Rank <= s.To) is { By: not 0 } shift ? r with { Rank = r.Rank + shift.By } : r)
            .Concat(delta.Rows)
            .OrderBy(r => r.Rank).ThenBy(r => r.SubmittedAt.ToUnixTimeMilliseconds()).ThenBy(r => r.TeamId.ToString(), StringComparer.Ordinal)
            .ToList();
        return board with { Version = delta.Version, UpdatedAt = delta.UpdatedAt, Rows = rows };
    }
}
