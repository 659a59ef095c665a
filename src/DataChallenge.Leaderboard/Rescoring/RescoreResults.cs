using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Rescoring;

/// <summary>Keeps a rescoring's outcomes aside from the boards, so the boards show the old scores until the run is whole.</summary>
public static class RescoreResults
{
    /// <summary>Records one outcome of a run; a repeated outcome for the same submission adds nothing. False when the run is unknown or over.</summary>
    public static async Task<bool> RecordAsync(DataChallengeDbContext db, Guid runId, SubmissionScore score, CancellationToken cancellationToken)
    {
        var open = await db.RescoreRuns.AnyAsync(r => r.Id == runId && r.CompletedAt == null, cancellationToken);
        if (!open) return false;
        if (await db.SubmissionScores.AnyAsync(s => s.SubmissionId == score.SubmissionId && s.RescoreRunId == runId, cancellationToken)) return true;
        var sameInputs = await db.SubmissionScores.AnyAsync(s => s.SubmissionId == score.SubmissionId && s.LabelsVersion == score.LabelsVersion
            && s.ConfigHash == score.ConfigHash && s.ScorerVersion == score.ScorerVersion, cancellationToken);
        if (sameInputs) return true;
        db.SubmissionScores.Add(score);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent copy of the same result won the insert: the outcome is recorded either way.
            db.ChangeTracker.Clear();
        }
        return true;
    }
}
