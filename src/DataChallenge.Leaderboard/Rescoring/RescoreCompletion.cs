using System.Text.Json;
using DataChallenge.Contracts;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Rescoring;

/// <summary>
/// Switches a phase to a rescoring's results once every sent submission has an outcome: new scores onto the
/// submissions, standings recomputed, rank changes noted, all in one transaction. The run is claimed with a
/// conditional update, so two consumers finishing the last two outcomes at once switch it exactly once.
/// </summary>
public static class RescoreCompletion
{
    /// <summary>The announcement of the boards that switched, or null when the run is not complete (or someone else completed it).</summary>
    public static async Task<PhaseBoardUpdated?> TryCompleteAsync(DataChallengeDbContext db, Guid runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var run = await db.RescoreRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.CompletedAt == null, cancellationToken);
        if (run is null) return null;
        var done = await db.SubmissionScores.CountAsync(s => s.RescoreRunId == runId, cancellationToken);
        if (done < run.Total) return null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.RescoreRuns.Where(r => r.Id == runId && r.CompletedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.CompletedAt, now), cancellationToken);
        if (claimed == 0) return null;

        var phase = await db.Phases.AsNoTracking().FirstAsync(p => p.Id == run.PhaseId, cancellationToken);
        var publicBefore = await PublicBoard.BuildAsync(db, phase, now, cancellationToken);
        var privateBefore = await PrivateBoard.BuildAsync(db, phase, publicBefore, now, cancellationToken);

        var outcomes = await db.SubmissionScores.AsNoTracking().Where(s => s.RescoreRunId == runId).ToListAsync(cancellationToken);
        var ids = outcomes.Select(o => o.SubmissionId).ToList();
        var submissions = await db.Submissions.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var outcome in outcomes)
        {
            if (!submissions.TryGetValue(outcome.SubmissionId, out var submission)) continue;
            if (outcome.Outcome == SubmissionStatus.Scored)
            {
                submission.PrimaryMetric = outcome.PrimaryMetric;
                submission.PublicScore = outcome.PublicScore;
                submission.PrivateScore = outcome.PrivateScore;
                submission.ScoresJson = outcome.ScoresJson;
                submission.GroupsJson = outcome.GroupsJson;
                submission.ScoredLabelsVersion = outcome.LabelsVersion;
                submission.ScorerVersion = outcome.ScorerVersion;
                submission.ScoredConfigHash = outcome.ConfigHash;
            }
            else if (outcome.Outcome == SubmissionStatus.Rejected)
            {
                // The file no longer fits the labels: it leaves the boards, its reason is the competitor's to read.
                submission.PublicScore = null;
                submission.PrivateScore = null;
                submission.ScoresJson = null;
                submission.GroupsJson = null;
                submission.Message = "Rescoring: " + outcome.Message;
                submission.ScoredLabelsVersion = outcome.LabelsVersion;
                submission.ScoredConfigHash = outcome.ConfigHash;
            }
            // A platform failure keeps the old scores: the competitor must not lose a place to our fault.
        }
        await db.SaveChangesAsync(cancellationToken);
        await TeamStanding.RecomputePhaseAsync(db, phase.Id, cancellationToken);

        var publicAfter = await PublicBoard.BuildAsync(db, phase, now, cancellationToken);
        var privateAfter = await PrivateBoard.BuildAsync(db, phase, publicAfter, now, cancellationToken);
        var changes = RankChanges(publicBefore, publicAfter, privateBefore, privateAfter);
        var tracked = await db.RescoreRuns.FirstAsync(r => r.Id == runId, cancellationToken);
        tracked.RankChangesJson = JsonSerializer.Serialize(changes);
        var failed = outcomes.Count(o => o.Outcome == SubmissionStatus.Failed);
        var rejected = outcomes.Count(o => o.Outcome == SubmissionStatus.Rejected);
        db.Record(phase.ChallengeId, null, "rescore.completed", $"phase:{phase.Id}",
            $"Labels v{run.LabelsVersion}, configuration {run.ConfigHash}: {outcomes.Count} rescored ({rejected} rejected, {failed} failed, old scores kept), "
            + $"{changes.Count(c => c.Changed)} teams changed rank.", now);
        await db.SaveChangesAsync(cancellationToken);
        var version = await db.NextBoardVersionAsync(phase.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PhaseBoardUpdated { PhaseId = phase.Id, Version = version };
    }

    private static List<RankChange> RankChanges(LeaderboardSnapshot publicBefore, LeaderboardSnapshot publicAfter,
        LeaderboardSnapshot privateBefore, LeaderboardSnapshot privateAfter)
    {
        var boards = new[] { publicBefore, publicAfter, privateBefore, privateAfter };
        var names = boards.SelectMany(b => b.Rows).GroupBy(r => r.TeamId).ToDictionary(g => g.Key, g => g.First().Team);
        int? RankIn(LeaderboardSnapshot board, Guid team) => board.Rows.FirstOrDefault(r => r.TeamId == team)?.Rank;
        return names.Select(n => new RankChange(n.Key, n.Value, RankIn(publicBefore, n.Key), RankIn(publicAfter, n.Key),
                RankIn(privateBefore, n.Key), RankIn(privateAfter, n.Key)))
            .OrderBy(c => c.PrivateRankAfter ?? int.MaxValue).ThenBy(c => c.PublicRankAfter ?? int.MaxValue).ToList();
    }
}
