using DataChallenge.Hosting.Messaging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Consumers;

/// <summary>The run-code queue: a run of many minutes never takes a scoring slot.</summary>
public sealed class RunCodeSubmissionConsumerDefinition(IOptions<ScoringOptions> options)
    : SlowQueueDefinition<RunCodeSubmissionConsumer>(QueueNames.RunCode, options.Value.CodeRunConcurrency);
