using DataChallenge.Sandbox;
using DataChallenge.Worker.CodeRuns;
using DataChallenge.Worker.Consumers;
using DataChallenge.Worker.Scoring;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Worker;

/// <summary>The "worker" role: scoring consumers only. This project cannot reach the database: it does not reference it.</summary>
public static class WorkerRole
{
    public static IServiceCollection AddWorkerRole(this IServiceCollection services, IConfiguration configuration)
        => services.Configure<ScoringOptions>(configuration.GetSection(ScoringOptions.Section)).AddSingleton<ScoringRun>().AddSingleton<BuiltInScoring>()
            .Configure<SandboxOptions>(configuration.GetSection(SandboxOptions.Section)).AddSingleton<WorkerSandbox>().AddSingleton<ProgramScoringRun>()
            .AddSingleton<CodeRun>();

    public static void AddWorkerConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ScoreSubmissionConsumer, ScoreSubmissionConsumerDefinition>();
        bus.AddConsumer<ScoreProgramConsumer, ScoreProgramConsumerDefinition>();
        bus.AddConsumer<EstimateSubmissionIntervalConsumer, EstimateSubmissionIntervalConsumerDefinition>();
        bus.AddConsumer<RunCodeSubmissionConsumer, RunCodeSubmissionConsumerDefinition>();
        bus.AddConsumer<CompareFinalistsConsumer, CompareFinalistsConsumerDefinition>();
    }
}
