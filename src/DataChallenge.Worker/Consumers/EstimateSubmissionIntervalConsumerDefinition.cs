using DataChallenge.Hosting.Messaging;
using MassTransit;

namespace DataChallenge.Worker.Consumers;

/// <summary>One interval at a time per worker: it is background work and must leave the cores to scoring.</summary>
public sealed class EstimateSubmissionIntervalConsumerDefinition : ConsumerDefinition<EstimateSubmissionIntervalConsumer>
{
    public EstimateSubmissionIntervalConsumerDefinition()
    {
        EndpointName = QueueNames.EstimateSubmissionInterval;
        ConcurrentMessageLimit = 1;
    }
}
