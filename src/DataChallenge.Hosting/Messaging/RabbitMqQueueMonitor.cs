using RabbitMQ.Client;

namespace DataChallenge.Hosting.Messaging;

/// <summary>A passive queue declaration returns depth and consumers without the management plugin.</summary>
public sealed class RabbitMqQueueMonitor(BusOptions options) : IQueueMonitor
{
    public async Task<QueueState?> ReadAsync(string queue, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(options.RabbitMqUrl!), ClientProvidedName = "datachallenge-status" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return new QueueState(queue, declared.MessageCount, declared.ConsumerCount);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // The queue does not exist until a worker has connected once.
            return new QueueState(queue, 0, 0);
        }
    }
}
