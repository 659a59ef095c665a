using DataChallenge.Api.Jobs;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.IntegrationTests.Notifications;

/// <summary>
/// The notification job on PostgreSQL, run many times in the same instant as several api replicas would: every
/// participant gets one reminder, because the unique marker row lets only one run claim each mail.
/// </summary>
public sealed class NotificationClaimTests : IAsyncLifetime
{
    private const int Participants = 4;
    private PostgresOnlyServer _server = null!;

    public ValueTask InitializeAsync()
    {
        _server = new PostgresOnlyServer();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task ClosingReminder_IsMailedOncePerParticipant_WhenEightRunsRaceOnPostgres()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _server.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists("queue-due-notifications");
        var slug = await organiser.CreateChallengeAsync();
        await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, opensAt: DateTimeOffset.UtcNow.AddDays(-3), closesAt: DateTimeOffset.UtcNow.AddHours(12));
        var participants = new List<ApiSession>();
        for (var i = 0; i < Participants; i++)
        {
            var participant = await ApiSession.RegisterAsync(_server.CreateClient());
            await participant.JoinAsync(slug);
            participants.Add(participant);
        }

        await FillConnectionPoolAsync(8);
        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(RunJobAsync)));

        Assert.Equal(Participants, runs.Sum());
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
            Assert.Equal(Participants, await db.SentNotifications.CountAsync());
        }
        foreach (var participant in participants) await SentMail.WaitForAsync(participant.Email, m => (m.Subject ?? "").Contains("closes soon", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(participants, p => Assert.Single(SentMail.To(p.Email), m => (m.Subject ?? "").Contains("closes soon", StringComparison.Ordinal)));
    }

    // Eight connections opened in the same instant can take longer than the server's fail-fast connect timeout on a busy
    // machine; the race under test is the claim, so the pool is filled first, one connection at a time.
    private async Task FillConnectionPoolAsync(int connections)
    {
        var scopes = new List<AsyncServiceScope>();
        try
        {
            for (var i = 0; i < connections; i++)
            {
                scopes.Add(_server.Services.CreateAsyncScope());
                await scopes[^1].ServiceProvider.GetRequiredService<DataChallengeDbContext>().Database.OpenConnectionAsync();
            }
        }
        finally
        {
            foreach (var scope in scopes) await scope.DisposeAsync();
        }
    }

    private async Task<int> RunJobAsync()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QueueDueNotificationsJob>().RunAsync(CancellationToken.None);
    }
}
