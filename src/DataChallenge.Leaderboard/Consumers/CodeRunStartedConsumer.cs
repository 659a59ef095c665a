using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>
/// Moves a code submission from Received to Running; a late or repeated notice, or one of an older attempt, changes
/// nothing. The start restarts the dispatch clock, and the worker's lease renewals keep it fresh while the code runs.
/// </summary>
public sealed class CodeRunStartedConsumer(DataChallengeDbContext db) : IConsumer<CodeRunStarted>
{
    public Task Consume(ConsumeContext<CodeRunStarted> context)
        => db.StartAsync(context.Message.SubmissionId, context.Message.Attempt, SubmissionTransition.StartRun, context.Message.StartedAt,
            context.CancellationToken);
}
