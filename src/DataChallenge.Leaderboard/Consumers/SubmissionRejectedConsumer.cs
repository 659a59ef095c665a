using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Records why a file was refused, once; the message is the competitor's to read.</summary>
public sealed class SubmissionRejectedConsumer(DataChallengeDbContext db) : IConsumer<SubmissionRejected>
{
    public Task Consume(ConsumeContext<SubmissionRejected> context)
        => db.Submissions
            .Where(s => s.Id == context.Message.SubmissionId && (s.Status == SubmissionStatus.Received || s.Status == SubmissionStatus.Scoring))
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, SubmissionStatus.Rejected)
                .SetProperty(s => s.Message, context.Message.Reason)
                .SetProperty(s => s.FinishedAt, context.Message.RejectedAt), context.CancellationToken);
}
