using DataChallenge.Hosting.Messaging;
using MassTransit;

namespace DataChallenge.Worker.Consumers;

/// <summary>Pins the queue name so every worker process competes on the same queue; prefetch is set bus-wide.</summary>
public sealed class ScoreSubmissionConsumerDefinition : ConsumerDefinition<ScoreSubmissionConsumer>
{
    public ScoreSubmissionConsumerDefinition(BusOptions options)
    {
        EndpointName = QueueNames.ScoreSubmission;
        ConcurrentMessageLimit = options.ConcurrencyLimit;
    }
}
