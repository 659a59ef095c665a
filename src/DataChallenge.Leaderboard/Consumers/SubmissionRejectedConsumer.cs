using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Records why a file was refused; the message is the competitor's to read.</summary>
public sealed class SubmissionRejectedConsumer(DataChallengeDbContext db) : IConsumer<SubmissionRejected>
{
    public Task Consume(ConsumeContext<SubmissionRejected> context)
        => db.FinishReleasingQuotaAsync(context.Message.SubmissionId, SubmissionStatus.Rejected, context.Message.Reason, context.Message.RejectedAt, context.CancellationToken);
}
