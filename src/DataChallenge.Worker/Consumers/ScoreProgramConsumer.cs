using DataChallenge.Contracts;
using MassTransit;

namespace DataChallenge.Worker.Consumers;

/// <summary>
/// Scores submissions of program-scored phases from their own queue. The scoring, and the one place its outcome is
/// published from, stay in <see cref="ScoreSubmissionConsumer"/>; only the queue and its concurrency differ.
/// </summary>
public sealed class ScoreProgramConsumer(ScoreSubmissionConsumer scoring) : IConsumer<ScoreSubmission>
{
    public Task Consume(ConsumeContext<ScoreSubmission> context) => scoring.Consume(context);
}
