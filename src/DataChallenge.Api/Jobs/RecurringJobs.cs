using Hangfire;

namespace DataChallenge.Api.Jobs;

/// <summary>Every recurring job in one place.</summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<RequeueStuckSubmissionsJob>("requeue-stuck-submissions", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<RevealDuePhasesJob>("reveal-due-phases", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<NotePhaseTransitionsJob>("note-phase-transitions", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<CleanAbandonedUploadsJob>("clean-abandoned-uploads", job => job.RunAsync(CancellationToken.None), Cron.Hourly());
    }
}
