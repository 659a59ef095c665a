using DataChallenge.Core.Judging;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Leaderboards;

/// <summary>
/// Recomputes a team's public board entry from its scored submissions, so replaying a result can never add a second
/// row. Baselines and invalidated submissions never stand for a team.
/// </summary>
public static class TeamStanding
{
    public static async Task RecomputeAsync(DataChallengeDbContext db, Guid phaseId, Guid teamId, bool higherIsBetter, CancellationToken cancellationToken)
    {
        var ladderMargin = await db.Phases.Where(p => p.Id == phaseId).Select(p => p.LadderMargin).FirstOrDefaultAsync(cancellationToken);
        var candidates = await db.Submissions.Where(s => s.PhaseId == phaseId && s.TeamId == teamId).Where(ScoreDisclosure.Ranked)
            .Select(s => new Candidate(s.Id, s.PublicScore!.Value, s.ReceivedAt, s.IntervalLower, s.IntervalUpper))
            .ToListAsync(cancellationToken);
        var entry = await db.LeaderboardEntries.FindAsync([phaseId, teamId], cancellationToken);
        if (candidates.Count == 0)
        {
            if (entry is not null) db.LeaderboardEntries.Remove(entry);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var best = ladderMargin is { } margin ? Ladder(candidates, higherIsBetter, margin) : Best(candidates, higherIsBetter);
        if (entry is null)
        {
            entry = new LeaderboardEntry { PhaseId = phaseId, TeamId = teamId };
            db.LeaderboardEntries.Add(entry);
        }
        entry.SubmissionId = best.Id;
        entry.Score = best.Score;
        entry.IntervalLower = best.IntervalLower;
        entry.IntervalUpper = best.IntervalUpper;
        entry.SubmittedAt = best.ReceivedAt;
        entry.HigherIsBetter = higherIsBetter;
        entry.Entries = candidates.Count;
        entry.LastSubmittedAt = candidates.Max(c => c.ReceivedAt);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recomputes every team of a phase, e.g. after its ladder margin changed or a submission was invalidated.</summary>
    public static async Task RecomputePhaseAsync(DataChallengeDbContext db, Guid phaseId, CancellationToken cancellationToken)
    {
        var config = await db.Phases.Where(p => p.Id == phaseId).Select(p => p.ScoringConfig).FirstOrDefaultAsync(cancellationToken);
        if (config is null) return;
        var higherIsBetter = MetricOrder.Of(config).HigherIsBetter[0];
        var teams = await db.Submissions.Where(s => s.PhaseId == phaseId).Select(s => s.TeamId)
            .Union(db.LeaderboardEntries.Where(e => e.PhaseId == phaseId).Select(e => e.TeamId))
            .Distinct().ToListAsync(cancellationToken);
        foreach (var team in teams) await RecomputeAsync(db, phaseId, team, higherIsBetter, cancellationToken);
    }

    private static Candidate Best(List<Candidate> candidates, bool higherIsBetter)
        => (higherIsBetter ? candidates.OrderByDescending(c => c.Score) : candidates.OrderBy(c => c.Score)).ThenBy(c => c.ReceivedAt).First();

    // The same Ladder the team's own reads follow, so its submissions list and the board agree.
    private static Candidate Ladder(List<Candidate> candidates, bool higherIsBetter, double margin)
        => ScoreDisclosure.LadderSteps(candidates.OrderBy(c => c.ReceivedAt), c => c.Score, higherIsBetter, margin).Last();

    private sealed record Candidate(Guid Id, double Score, DateTimeOffset ReceivedAt, double? IntervalLower, double? IntervalUpper);
}
