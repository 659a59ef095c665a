using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>An outcome is recorded only where the lifecycle allows it, so a repeated message changes nothing.</summary>
internal static class UnfinishedSubmissions
{
    /// <summary>
    /// Applies <paramref name="transition"/>'s outcome in one conditional statement, with the quota places given back as the
    /// lifecycle says: a rejected file never counts, a failed one not up to the daily cap.
    /// </summary>
    public static async Task<int> FinishAsync(this DataChallengeDbContext db, Guid submissionId, SubmissionTransition transition, string message,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        var giveBack = SubmissionLifecycle.Quota(transition) switch
        {
            QuotaEffect.GiveBack => true,
            QuotaEffect.GiveBackWithinDailyCap => await QuotaUse.MayGiveBackFailedAsync(db, submissionId, cancellationToken),
            _ => false,
        };
        return await db.Submissions
            .Where(s => s.Id == submissionId).Where(SubmissionLifecycle.CanTake(transition))
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, SubmissionLifecycle.Target(transition))
                .SetProperty(s => s.Message, message)
                .SetProperty(s => s.FinishedAt, at)
                .SetProperty(s => s.QuotaSlot, s => giveBack ? null : s.QuotaSlot)
                .SetProperty(s => s.TotalSlot, s => giveBack ? null : s.TotalSlot), cancellationToken);
    }

    /// <summary>
    /// A worker took the attempt (to score it, or to run its code): the state moves and the dispatch clock restarts, so
    /// the stuck-submission job counts from the worker's last sign of life. An older attempt's notice changes nothing.
    /// </summary>
    public static Task<int> StartAsync(this DataChallengeDbContext db, Guid submissionId, int attempt, SubmissionTransition transition,
        DateTimeOffset at, CancellationToken cancellationToken)
        => db.Submissions
            .Where(s => s.Id == submissionId && s.Attempt == attempt)
            .Where(SubmissionLifecycle.CanTake(transition))
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, SubmissionLifecycle.Target(transition))
                .SetProperty(s => s.StartedAt, at)
                .SetProperty(s => s.DispatchedAt, at), cancellationToken);
}
