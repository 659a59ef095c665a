using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Ranking;

/// <summary>Recomputes a team's board entry from its scored submissions, so replaying a result can never add a second row.</summary>
public static class TeamStanding
{
    public static async Task RecomputeAsync(DataChallengeDbContext db, Guid phaseId, Guid teamId, bool higherIsBetter, CancellationToken cancellationToken)
    {
        var scored = db.Submissions.Where(s => s.PhaseId == phaseId && s.TeamId == teamId && s.Status == SubmissionStatus.Scored && s.PublicScore != null);
        var candidates = await scored
            .Select(s => new { s.Id, Score = s.PublicScore!.Value, s.ReceivedAt, s.IntervalLower, s.IntervalUpper })
            .ToListAsync(cancellationToken);
        var entry = await db.LeaderboardEntries.FindAsync([phaseId, teamId], cancellationToken);
        if (candidates.Count == 0)
        {
            if (entry is not null) db.LeaderboardEntries.Remove(entry);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var best = (higherIsBetter ? candidates.OrderByDescending(c => c.Score) : candidates.OrderBy(c => c.Score))
            .ThenBy(c => c.ReceivedAt).First();
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
}
