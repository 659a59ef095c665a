using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Outcomes only ever move a submission out of Received or Scoring, so a repeated message changes nothing.</summary>
internal static class UnfinishedSubmissions
{
    public static Task<int> FinishAsync(this DataChallengeDbContext db, Guid submissionId, SubmissionStatus status, string message,
        DateTimeOffset at, CancellationToken cancellationToken)
        => db.Submissions
            .Where(s => s.Id == submissionId && (s.Status == SubmissionStatus.Received || s.Status == SubmissionStatus.Scoring))
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, status)
                .SetProperty(s => s.Message, message)
                .SetProperty(s => s.FinishedAt, at), cancellationToken);

    /// <summary>As <see cref="FinishAsync"/>, and gives the quota places back in the same statement: a rejected or failed file never counts.</summary>
    public static Task<int> FinishReleasingQuotaAsync(this DataChallengeDbContext db, Guid submissionId, SubmissionStatus status, string message,
        DateTimeOffset at, CancellationToken cancellationToken)
        => db.Submissions
            .Where(s => s.Id == submissionId && (s.Status == SubmissionStatus.Received || s.Status == SubmissionStatus.Scoring))
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, status)
                .SetProperty(s => s.Message, message)
                .SetProperty(s => s.FinishedAt, at)
                .SetProperty(s => s.QuotaSlot, (int?)null)
                .SetProperty(s => s.TotalSlot, (int?)null), cancellationToken);
}
