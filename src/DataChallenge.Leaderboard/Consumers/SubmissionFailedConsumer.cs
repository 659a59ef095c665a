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
            : FinishAsync(m, context.CancellationToken);
    }

    private async Task FinishAsync(SubmissionFailed m, CancellationToken cancellationToken)
    {
        if (await QuotaUse.MayGiveBackFailedAsync(db, m.SubmissionId, cancellationToken))
            await db.FinishReleasingQuotaAsync(m.SubmissionId, SubmissionStatus.Failed, m.Reason, m.FailedAt, cancellationToken);
        else
            await db.FinishAsync(m.SubmissionId, SubmissionStatus.Failed, m.Reason, m.FailedAt, cancellationToken);
    }
}
