using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Records why a file was refused; the message is the competitor's to read.</summary>
public sealed class SubmissionRejectedConsumer(DataChallengeDbContext db) : IConsumer<SubmissionRejected>
{
    public Task Consume(ConsumeContext<SubmissionRejected> context)
    {
        var m = context.Message;
        return m.RescoreRunId is { } runId
            ? RescoreOutcomes.RecordAsync(db, context, runId, m.SubmissionId, m.LabelsVersion, m.ScoringConfigHash, SubmissionStatus.Rejected, m.Reason, m.RejectedAt,
                context.CancellationToken)
            : db.FinishAsync(m.SubmissionId, SubmissionTransition.Reject, m.Reason, m.RejectedAt, context.CancellationToken);
    }
}
