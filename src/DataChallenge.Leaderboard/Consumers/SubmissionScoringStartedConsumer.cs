using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Moves a submission from Received to Scoring; a late or repeated notice changes nothing.</summary>
public sealed class SubmissionScoringStartedConsumer(DataChallengeDbContext db) : IConsumer<SubmissionScoringStarted>
{
    public Task Consume(ConsumeContext<SubmissionScoringStarted> context)
        => db.Submissions
            .Where(s => s.Id == context.Message.SubmissionId && s.Status == SubmissionStatus.Received)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, SubmissionStatus.Scoring)
                .SetProperty(s => s.StartedAt, context.Message.StartedAt), context.CancellationToken);
}
