using DataChallenge.Core.Challenges;
using DataChallenge.Core.Judging;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Reading;

public readonly record struct ChartPoint(DateTimeOffset At, double Value);

/// <summary>How a phase's public board evolved as competitors saw it, replayed from its scored submissions (public scores only).</summary>
public sealed class ScoreHistory
{
    private readonly List<(Guid TeamId, DateTimeOffset At, double Score)> _events;
    private readonly bool _higherIsBetter;

    private ScoreHistory(List<(Guid, DateTimeOffset, double)> events, bool higherIsBetter)
    {
        _events = events;
        _higherIsBetter = higherIsBetter;
    }

    /// <summary>
    /// Reads the scores competitors may see move: valid, non-baseline submissions, only the Ladder's steps of each team,
    /// at the phase's precision. A point per raw value would tell apart files the rounding and the Ladder make equal.
    /// </summary>
    public static async Task<ScoreHistory> ReadAsync(DataChallengeDbContext db, Phase phase, bool higherIsBetter, CancellationToken cancellationToken)
    {
        var scored = await db.Submissions.AsNoTracking().Where(s => s.PhaseId == phase.Id).Where(ScoreDisclosure.Ranked)
            .Select(s => new { s.TeamId, s.ReceivedAt, Score = s.PublicScore!.Value })
            .ToListAsync(cancellationToken);
        // Sorted here: SQLite stores the instants as ticks, and a bounded history keeps the page cheap.
        var events = scored.GroupBy(s => s.TeamId)
            .SelectMany(team => ScoreDisclosure.Visible(team.OrderBy(s => s.ReceivedAt), s => s.Score, higherIsBetter, phase.LadderMargin))
            .OrderBy(s => s.ReceivedAt).TakeLast(5000)
            .Select(s => (s.TeamId, s.ReceivedAt, ScoreDisclosure.Round(s.Score, phase.ScoreDecimals)!.Value)).ToList();
        return new ScoreHistory(events, higherIsBetter);
    }

    /// <summary>The best public score on the board after each submission that improved it.</summary>
    public IReadOnlyList<ChartPoint> BestOverTime()
    {
        var points = new List<ChartPoint>();
        double? best = null;
        foreach (var (_, at, score) in _events)
        {
            if (best is { } current && !Better(score, current)) continue;
            best = score;
            points.Add(new ChartPoint(at, score));
        }
        return points;
    }

    /// <summary>The team's rank after every submission that changed it; ties share the better rank, as on the board.</summary>
    public IReadOnlyList<ChartPoint> RankOf(Guid teamId)
    {
        var bests = new Dictionary<Guid, double>();
        var points = new List<ChartPoint>();
        foreach (var (team, at, score) in _events)
        {
            if (!bests.TryGetValue(team, out var previous) || Better(score, previous)) bests[team] = score;
            if (!bests.TryGetValue(teamId, out var mine)) continue;
            var rank = 1 + bests.Values.Count(other => Better(other, mine));
            if (points.Count == 0 || !points[^1].Value.Equals(rank)) points.Add(new ChartPoint(at, rank));
        }
        return points;
    }

    private bool Better(double candidate, double reference) => _higherIsBetter ? candidate > reference : candidate < reference;
}
