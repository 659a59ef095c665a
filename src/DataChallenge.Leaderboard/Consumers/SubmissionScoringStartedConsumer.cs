using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>
/// Moves a submission from Received to Scoring; a late or repeated notice changes nothing. The start also restarts the
/// dispatch clock: the stuck-submission job counts from when a worker took the submission, not from when it was queued.
/// </summary>
public sealed class SubmissionScoringStartedConsumer(DataChallengeDbContext db) : IConsumer<SubmissionScoringStarted>
{
    public Task Consume(ConsumeContext<SubmissionScoringStarted> context)
        => db.Submissions
            .Where(s => s.Id == context.Message.SubmissionId && s.Attempt == context.Message.Attempt
                && s.Status == SubmissionStatus.Received)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, SubmissionStatus.Scoring)
                .SetProperty(s => s.StartedAt, context.Message.StartedAt)
                .SetProperty(s => s.DispatchedAt, context.Message.StartedAt), context.CancellationToken);
}
