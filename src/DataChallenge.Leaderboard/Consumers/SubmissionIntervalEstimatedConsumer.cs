using DataChallenge.Contracts;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using MassTransit;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>
/// Stores a submission's interval whatever its status, since it may overtake its score on another queue; the board
/// entry takes it now if it already shows this submission, or when the score is recorded.
/// </summary>
public sealed class SubmissionIntervalEstimatedConsumer(DataChallengeDbContext db) : IConsumer<SubmissionIntervalEstimated>
{
    public async Task Consume(ConsumeContext<SubmissionIntervalEstimated> context)
    {
        var (id, interval) = (context.Message.SubmissionId, context.Message.Interval);
        var cancellationToken = context.CancellationToken;
        await db.Submissions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.IntervalLower, interval.Lower).SetProperty(s => s.IntervalUpper, interval.Upper), cancellationToken);
        var shownBy = await db.LeaderboardEntries.Where(e => e.SubmissionId == id).Select(e => new { e.PhaseId, e.TeamId }).FirstOrDefaultAsync(cancellationToken);
        if (shownBy is null) return;
        long version;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.LeaderboardEntries.Where(e => e.SubmissionId == id)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.IntervalLower, interval.Lower).SetProperty(e => e.IntervalUpper, interval.Upper), cancellationToken);
            version = await db.NextBoardVersionAsync(shownBy.PhaseId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await context.Publish(new PhaseBoardUpdated { PhaseId = shownBy.PhaseId, Version = version, TeamId = shownBy.TeamId }, cancellationToken);
    }
}
