using MassTransit;

namespace DataChallenge.Worker.Consumers;

/// <summary>
/// A queue whose messages take minutes (organiser programs, competitors' code), with a concurrency of its own so they
/// take none of the built-in scoring's slots.
/// </summary>
public abstract class SlowQueueDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected SlowQueueDefinition(string queue, int concurrency)
    {
        EndpointName = queue;
        ConcurrentMessageLimit = concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Commands are sent to these queues by name; a published message must not land here as well.
        endpointConfigurator.ConfigureConsumeTopology = false;
        // A worker holds no more messages than it runs: a prefetched one would wait unstarted, without a lease, while
        // another worker sits idle, and the stuck-submission job would take it for lost.
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.PrefetchCount = ConcurrentMessageLimit ?? 1;
    }
}
