using DataChallenge.Hosting.Messaging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Consumers;

/// <summary>The program queue: slow organiser programs never hold up built-in scoring.</summary>
public sealed class ScoreProgramConsumerDefinition(IOptions<ScoringOptions> options)
    : SlowQueueDefinition<ScoreProgramConsumer>(QueueNames.ScoreProgram, options.Value.ProgramConcurrency);
