using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>
/// Records that the worker scoring a submission is still alive: its dispatch clock restarts, so the stuck-submission
/// job leaves it alone for as long as the worker renews. A renewal of an older attempt changes nothing.
/// </summary>
public sealed class SubmissionScoringRenewedConsumer(DataChallengeDbContext db) : IConsumer<SubmissionScoringRenewed>
{
    public Task Consume(ConsumeContext<SubmissionScoringRenewed> context)
        => db.Submissions
            .Where(s => s.Id == context.Message.SubmissionId && s.Attempt == context.Message.Attempt && s.Status == SubmissionStatus.Scoring
                && s.DispatchedAt < context.Message.RenewedAt)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.DispatchedAt, context.Message.RenewedAt), context.CancellationToken);
}
