using DataChallenge.Api.Features.Submissions;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Jobs;

/// <summary>
/// Re-dispatches submissions left in Received or Scoring past a threshold (a lost message, a worker that died before
/// acknowledging) and fails them after the last attempt. Each row is claimed with a conditional update on its attempt
/// number, so two copies of this job running at once never dispatch the same attempt twice.
/// </summary>
public sealed class RequeueStuckSubmissionsJob(DataChallengeDbContext db, SubmissionDispatcher dispatcher, TimeProvider clock,
    IOptions<SubmissionRecoveryOptions> options, ILogger<RequeueStuckSubmissionsJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stuckBefore = now - options.Value.StuckAfter;
        var stuck = await db.Submissions.AsNoTracking()
            .Where(s => (s.Status == SubmissionStatus.Received || s.Status == SubmissionStatus.Scoring) && s.DispatchedAt < stuckBefore)
            .OrderBy(s => s.DispatchedAt).Take(500).ToListAsync(cancellationToken);

        var redispatched = 0;
        foreach (var submission in stuck)
        {
            if (submission.Attempt >= options.Value.MaxAttempts)
            {
                var giveBack = await QuotaUse.MayGiveBackFailedAsync(db, submission.Id, cancellationToken);
                await db.Submissions.Where(s => s.Id == submission.Id && s.Attempt == submission.Attempt
                        && (s.Status == SubmissionStatus.Received || s.Status == SubmissionStatus.Scoring))
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(s => s.Status, SubmissionStatus.Failed)
                        .SetProperty(s => s.Message, $"No worker finished scoring after {submission.Attempt} attempts.")
                        .SetProperty(s => s.FinishedAt, now)
                        // A platform failure gives the quota places back, up to the daily cap.
                        .SetProperty(s => s.QuotaSlot, s => giveBack ? null : s.QuotaSlot)
                        .SetProperty(s => s.TotalSlot, s => giveBack ? null : s.TotalSlot), cancellationToken);
                logger.LogWarning("Submission {SubmissionId} failed after {Attempts} attempts", submission.Id, submission.Attempt);
                continue;
            }

            var next = submission.Attempt + 1;
            var claimed = await db.Submissions.Where(s => s.Id == submission.Id && s.Attempt == submission.Attempt
                    && (s.Status == SubmissionStatus.Received || s.Status == SubmissionStatus.Scoring))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.Attempt, next)
                    .SetProperty(s => s.Status, SubmissionStatus.Received)
                    .SetProperty(s => s.DispatchedAt, now), cancellationToken);
            if (claimed == 0) continue;

            var phase = await db.Phases.AsNoTracking().FirstAsync(p => p.Id == submission.PhaseId, cancellationToken);
            submission.Attempt = next;
            await dispatcher.DispatchAsync(submission, phase, cancellationToken);
            redispatched++;
            logger.LogInformation("Re-dispatched submission {SubmissionId}, attempt {Attempt}", submission.Id, next);
        }
        return redispatched;
    }
}
