using DataChallenge.Worker.Consumers;
using MassTransit;

namespace DataChallenge.Worker;

/// <summary>The "worker" role: scoring consumers only. This project cannot reach the database: it does not reference it.</summary>
public static class WorkerRole
{
    public static void AddWorkerConsumers(this IBusRegistrationConfigurator bus)
        => bus.AddConsumer<ScoreSubmissionConsumer, ScoreSubmissionConsumerDefinition>();
}
