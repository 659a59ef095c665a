using DataChallenge.Hosting.Messaging;

namespace DataChallenge.Worker.Consumers;

/// <summary>One comparison at a time per worker, on its own queue: it must leave scoring its slots.</summary>
public sealed class CompareFinalistsConsumerDefinition() : SlowQueueDefinition<CompareFinalistsConsumer>(QueueNames.CompareFinalists, 1);
