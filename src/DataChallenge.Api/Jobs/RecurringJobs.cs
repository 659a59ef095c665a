using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Api.Jobs;

/// <summary>Every recurring job in one place, and the scheduler that runs them.</summary>
public static class RecurringJobs
{
    /// <summary>The jobs and their scheduler: Hangfire on PostgreSQL when it is configured, in memory otherwise.</summary>
    public static IServiceCollection AddRecurringJobs(this IServiceCollection services, string? postgres)
    {
        services.AddScoped<RequeueStuckSubmissionsJob>();
        services.AddScoped<QueueVerdicts>();
        services.AddScoped<RevealDuePhasesJob>();
        services.AddScoped<CleanAbandonedUploadsJob>();
        services.AddScoped<NotePhaseTransitionsJob>();
        services.AddScoped<QueueDueNotificationsJob>();
        services.AddScoped<SendNotificationJob>();
        services.AddScoped<CompareFinalistsAtCloseJob>();

        // Hangfire's defaults are process-wide statics. Each host owns its storage and activator instead, so that two
        // hosts in one process never run each other's jobs, and one host's shutdown never disposes the other's storage.
        services.AddSingleton<JobStorage>(_ => string.IsNullOrWhiteSpace(postgres) ? new InMemoryStorage() : PostgresStorage(postgres));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, hangfire) => hangfire
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new ShutdownSafeLogProvider(provider.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer(server => server.WorkerCount = 2);
        return services;
    }

    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<RequeueStuckSubmissionsJob>("requeue-stuck-submissions", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<RevealDuePhasesJob>("reveal-due-phases", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<CompareFinalistsAtCloseJob>("compare-finalists-at-close", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<NotePhaseTransitionsJob>("note-phase-transitions", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<QueueDueNotificationsJob>("queue-due-notifications", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<CleanAbandonedUploadsJob>("clean-abandoned-uploads", job => job.RunAsync(CancellationToken.None), Cron.Hourly());
    }

    private static PostgreSqlStorage PostgresStorage(string connectionString)
    {
        // LISTEN/NOTIFY: a queued job (a confirmation mail) starts at once instead of at the next 15 s poll.
        var options = new PostgreSqlStorageOptions { EnableLongPolling = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
