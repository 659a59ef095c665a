using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Marks a submission as failed on the platform's side; it never counts against the team.</summary>
public sealed class SubmissionFailedConsumer(DataChallengeDbContext db) : IConsumer<SubmissionFailed>
{
    public Task Consume(ConsumeContext<SubmissionFailed> context)
        => db.FinishReleasingQuotaAsync(context.Message.SubmissionId, SubmissionStatus.Failed, context.Message.Reason, context.Message.FailedAt, context.CancellationToken);
}
