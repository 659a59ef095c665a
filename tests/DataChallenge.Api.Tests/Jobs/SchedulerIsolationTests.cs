using DataChallenge.Api.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Jobs;

/// <summary>
/// Several servers in one process (as in the tests) each keep their own job scheduler: shutting one down leaves the
/// other's storage, activator and logging working.
/// </summary>
public sealed class SchedulerIsolationTests
{
    [Fact]
    public void Scheduler_KeepsItsOwnStorage_WhenAnotherServerIsConfiguredBeforeItStartsAndThenShutsDown()
    {
        using var survivor = Scheduler();
        var leaving = Scheduler();

        // The order two servers starting at once can take: both configure Hangfire before either picks its storage.
        survivor.GetRequiredService<IGlobalConfiguration>();
        leaving.GetRequiredService<IGlobalConfiguration>();
        var storage = survivor.GetRequiredService<JobStorage>();
        var activator = survivor.GetRequiredService<JobActivator>();
        Assert.NotSame(leaving.GetRequiredService<JobStorage>(), storage);
        Assert.NotSame(leaving.GetRequiredService<JobActivator>(), activator);

        leaving.Dispose();
        Assert.NotNull(Hangfire.Logging.LogProvider.GetLogger("after-the-other-shut-down"));

        RecurringJobs.Register(survivor.GetRequiredService<IRecurringJobManager>());
        using var connection = storage.GetConnection();
        Assert.Equal(6, connection.GetRecurringJobs().Count);
    }

    private static ServiceProvider Scheduler() => new ServiceCollection().AddLogging().AddRecurringJobs(postgres: null).BuildServiceProvider();
}
