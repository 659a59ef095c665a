using DataChallenge.Api.Features.Submissions;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Jobs;

/// <summary>
/// Re-dispatches submissions left unfinished (Received, Running, Scoring) past a threshold (a lost message, a worker that died before
/// acknowledging) and fails them after the last attempt a worker started. An outage is not an attempt: while nobody
/// consumes the queue, or commands are still queued on it, the job waits instead of re-sending, so a waiting
/// submission is neither charged nor stacked twice on the queue. Each row is claimed with a conditional update on its
/// attempt and dispatch time, so two copies of this job running at once never dispatch it twice.
/// </summary>
public sealed class RequeueStuckSubmissionsJob(DataChallengeDbContext db, SubmissionDispatcher dispatcher, QueueVerdicts queues,
    TimeProvider clock, IOptions<SubmissionRecoveryOptions> options, ILogger<RequeueStuckSubmissionsJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stuckBefore = now - options.Value.StuckAfter;
        var stuck = await db.Submissions.AsNoTracking()
            .Where(SubmissionLifecycle.Unfinished).Where(s => s.DispatchedAt < stuckBefore)
            .OrderBy(s => s.DispatchedAt).Take(500).ToListAsync(cancellationToken);

        var phases = new Dictionary<Guid, Phase>();
        var redispatched = 0;
        foreach (var submission in stuck)
        {
            if (!phases.TryGetValue(submission.PhaseId, out var phase))
                phases[submission.PhaseId] = phase = await db.Phases.AsNoTracking().FirstAsync(p => p.Id == submission.PhaseId, cancellationToken);
            var verdict = await queues.ReadAsync(SubmissionDispatcher.QueueFor(phase), cancellationToken);
            if (verdict is QueueVerdict.NobodyConsuming or QueueVerdict.Backlog) continue;

            // Not started (still Received): its command was lost; sending it again costs no attempt. A stuck code run
            // (Running, or Scoring its predictions) is sent again as a whole run, by the dispatcher of its phase's kind.
            var started = SubmissionLifecycle.HasStarted(submission.Status);
            if (started && submission.Attempt >= options.Value.MaxAttempts)
            {
                var giveBack = await QuotaUse.MayGiveBackFailedAsync(db, submission.Id, cancellationToken);
                await Claimed(submission, stuckBefore)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(s => s.Status, SubmissionLifecycle.Next(submission.Status, SubmissionTransition.Fail))
                        .SetProperty(s => s.Message, $"No worker finished scoring after {submission.Attempt} attempts.")
                        .SetProperty(s => s.FinishedAt, now)
                        // A platform failure gives the quota places back, up to the daily cap.
                        .SetProperty(s => s.QuotaSlot, s => giveBack ? null : s.QuotaSlot)
                        .SetProperty(s => s.TotalSlot, s => giveBack ? null : s.TotalSlot), cancellationToken);
                logger.LogWarning("Submission {SubmissionId} failed after {Attempts} attempts", submission.Id, submission.Attempt);
                continue;
            }

            var next = started ? submission.Attempt + 1 : submission.Attempt;
            var claimed = await Claimed(submission, stuckBefore)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.Attempt, next)
                    .SetProperty(s => s.Status, SubmissionLifecycle.Next(submission.Status, SubmissionTransition.Requeue))
                    .SetProperty(s => s.DispatchedAt, now), cancellationToken);
            if (claimed == 0) continue;

            submission.Attempt = next;
            await dispatcher.DispatchAsync(submission, phase, cancellationToken);
            redispatched++;
            logger.LogInformation("Re-dispatched submission {SubmissionId}, attempt {Attempt}", submission.Id, next);
        }
        return redispatched;
    }

    // Still as read and still stuck: a second copy of the job, or a worker's start or renewal, makes it match nothing.
    private IQueryable<Submission> Claimed(Submission submission, DateTimeOffset stuckBefore)
        => db.Submissions.Where(s => s.Id == submission.Id && s.Attempt == submission.Attempt && s.Status == submission.Status
            && s.DispatchedAt < stuckBefore);
}
