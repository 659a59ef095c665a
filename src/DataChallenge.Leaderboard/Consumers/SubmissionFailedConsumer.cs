using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Marks a submission as failed on the platform's side; up to a daily cap it does not count against the team.</summary>
public sealed class SubmissionFailedConsumer(DataChallengeDbContext db) : IConsumer<SubmissionFailed>
{
    public Task Consume(ConsumeContext<SubmissionFailed> context)
    {
        var m = context.Message;
        return m.RescoreRunId is { } runId
            ? RescoreOutcomes.RecordAsync(db, context, runId, m.SubmissionId, m.LabelsVersion, m.ScoringConfigHash, SubmissionStatus.Failed, m.Reason, m.FailedAt,
                context.CancellationToken)
            : db.FinishAsync(m.SubmissionId, SubmissionTransition.Fail, m.Reason, m.FailedAt, context.CancellationToken);
    }
}
