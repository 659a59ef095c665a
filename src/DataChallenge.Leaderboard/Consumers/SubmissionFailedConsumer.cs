using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Marks a submission as failed on the platform's side; it never counts against the team.</summary>
public sealed class SubmissionFailedConsumer(DataChallengeDbContext db) : IConsumer<SubmissionFailed>
{
    public Task Consume(ConsumeContext<SubmissionFailed> context)
        => db.Submissions
            .Where(s => s.Id == context.Message.SubmissionId && (s.Status == SubmissionStatus.Received || s.Status == SubmissionStatus.Scoring))
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, SubmissionStatus.Failed)
                .SetProperty(s => s.Message, context.Message.Reason)
                .SetProperty(s => s.FinishedAt, context.Message.FailedAt), context.CancellationToken);
}
