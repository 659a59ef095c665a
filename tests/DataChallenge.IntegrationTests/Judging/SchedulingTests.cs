using DataChallenge.Api.Jobs;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DataChallenge.IntegrationTests.Judging;

/// <summary>
/// The scheduled judging jobs on PostgreSQL, where two servers really can run the same job in the same instant: each
/// phase is revealed once and each transition noted once, with one audit line each.
/// </summary>
public sealed class SchedulingTests : IAsyncLifetime
{
    private const int Phases = 5;
    private readonly string _runId = RealServices.NewRunId();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ServerFactory _server = null!;
    private readonly List<Guid> _phaseIds = [];

    public async ValueTask InitializeAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(Services.Postgres) { Database = $"dc_test_{_runId}" };
        _server = new ServerFactory { ConfigureServices = services => services.AddSingleton<TimeProvider>(_clock) };
        _server.Settings["Database:Postgres"] = database.ConnectionString;
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        // The test runs the jobs itself: Hangfire's minute tick must not run them in between.
        var jobs = _server.Services.GetRequiredService<IRecurringJobManager>();
        jobs.RemoveIfExists("reveal-due-phases");
        jobs.RemoveIfExists("note-phase-transitions");
        var slug = await organiser.CreateChallengeAsync();
        for (var i = 0; i < Phases; i++)
            _phaseIds.Add(await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, opensAt: _clock.GetUtcNow().AddMinutes(1),
                closesAt: _clock.GetUtcNow().AddMinutes(10)));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await RealServices.DropDatabaseIfUsedAsync(_runId);
    }

    private async Task<int> RunAsync<TJob>(Func<TJob, Task<int>> run) where TJob : notnull
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    private async Task<Dictionary<string, int>> AuditCountsAsync()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        var lines = await db.AuditEntries.Where(a => a.Action.StartsWith("phase.") || a.Action == "board.revealed")
            .Select(a => new { a.Action, a.Subject }).ToListAsync();
        Assert.All(lines.GroupBy(l => (l.Action, l.Subject)), g => Assert.Single(g));
        return lines.GroupBy(l => l.Action).ToDictionary(g => g.Key, g => g.Count());
    }

    [Fact]
    public async Task RevealDuePhasesJob_RevealsEachPhaseOnce_WhenFourCopiesRunAtOnce()
    {
        Assert.Equal(0, await RunAsync<RevealDuePhasesJob>(j => j.RunAsync(CancellationToken.None)));
        _clock.Advance(TimeSpan.FromMinutes(11));

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunAsync<RevealDuePhasesJob>(j => j.RunAsync(CancellationToken.None))));

        Assert.Equal(Phases, runs.Sum());
        Assert.Equal(Phases, (await AuditCountsAsync()).GetValueOrDefault("board.revealed"));
        Assert.Equal(0, await RunAsync<RevealDuePhasesJob>(j => j.RunAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task NotePhaseTransitionsJob_NotesEachOpeningAndClosingOnce_WhenFourCopiesRunAtOnce()
    {
        _clock.Advance(TimeSpan.FromMinutes(2));
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunAsync<NotePhaseTransitionsJob>(j => j.RunAsync(CancellationToken.None))));
        _clock.Advance(TimeSpan.FromMinutes(9));
        var closed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunAsync<NotePhaseTransitionsJob>(j => j.RunAsync(CancellationToken.None))));

        Assert.Equal(Phases, opened.Sum());
        Assert.Equal(Phases, closed.Sum());
        var counts = await AuditCountsAsync();
        Assert.Equal(Phases, counts.GetValueOrDefault("phase.opened"));
        Assert.Equal(Phases, counts.GetValueOrDefault("phase.closed"));
    }
}
