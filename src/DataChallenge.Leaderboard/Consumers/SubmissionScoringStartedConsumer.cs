using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>
/// Moves a submission from Received to Scoring; a late or repeated notice changes nothing. The start, and each renewal
/// of the worker's lease after it, restarts the dispatch clock: the stuck-submission job counts from the worker's last
/// sign of life, so it leaves a long scoring alone for as long as its worker renews.
/// </summary>
public sealed class SubmissionScoringStartedConsumer(DataChallengeDbContext db) : IConsumer<SubmissionScoringStarted>, IConsumer<SubmissionScoringRenewed>
{
    public Task Consume(ConsumeContext<SubmissionScoringStarted> context)
        => db.StartAsync(context.Message.SubmissionId, context.Message.Attempt, SubmissionTransition.StartScoring, context.Message.StartedAt,
            context.CancellationToken);

    // A renewal of an older attempt, or one overtaken by a later renewal, changes nothing.
    public Task Consume(ConsumeContext<SubmissionScoringRenewed> context)
        => db.Submissions
            .Where(s => s.Id == context.Message.SubmissionId && s.Attempt == context.Message.Attempt && s.DispatchedAt < context.Message.RenewedAt)
            .Where(SubmissionLifecycle.CanTake(SubmissionTransition.RenewLease))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.DispatchedAt, context.Message.RenewedAt), context.CancellationToken);
}
