using DataChallenge.Hosting.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Consumers;

/// <summary>The program queue, with its own concurrency so slow programs take none of the built-in scoring's slots.</summary>
public sealed class ScoreProgramConsumerDefinition : ConsumerDefinition<ScoreProgramConsumer>
{
    public ScoreProgramConsumerDefinition(IOptions<ScoringOptions> options)
    {
        EndpointName = QueueNames.ScoreProgram;
        ConcurrentMessageLimit = options.Value.ProgramConcurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ScoreProgramConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Commands are sent to this queue by name; a published ScoreSubmission must not land here as well.
        endpointConfigurator.ConfigureConsumeTopology = false;
        // A worker holds no more programs than it runs: a prefetched one would wait unstarted, without a lease, while
        // another worker sits idle, and the stuck-submission job would take it for lost.
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.PrefetchCount = ConcurrentMessageLimit ?? 1;
    }
}
