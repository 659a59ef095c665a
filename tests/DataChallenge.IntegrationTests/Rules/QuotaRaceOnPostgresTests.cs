using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.IntegrationTests.Rules;

/// <summary>The quota race on PostgreSQL, whose concurrent writers really run at once (SQLite serialises them).</summary>
public sealed class QuotaRaceOnPostgresTests : IAsyncLifetime
{
    private const int Rounds = 10;
    private const int Uploads = 50;
    private const int Quota = 5;
    private PostgresOnlyServer _server = null!;

    public ValueTask InitializeAsync()
    {
        // Only the database matters here; the bus and the object store stay embedded.
        _server = new PostgresOnlyServer();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Submit_AcceptsExactlyTheDailyQuota_WhenFiftyUploadsRaceOnPostgres()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var create = await organiser.Client.PostAsJsonAsync($"/api/challenges/{slug}/phases", new
        {
            name = "Main", scoringConfig = JsonDocument.Parse(SampleFiles.BinaryConfig).RootElement, maxSubmissionsPerDay = Quota,
        });
        await ApiSession.EnsureAsync(create, "create phase", HttpStatusCode.Created);
        var phaseId = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());

        for (var round = 0; round < Rounds; round++)
        {
            var team = await ApiSession.RegisterAsync(_server.CreateClient());
            var teamId = await team.JoinAsync(slug);

            var answers = await Task.WhenAll(Enumerable.Range(0, Uploads).Select(async _ =>
            {
                using var response = await team.SubmitRawAsync(phaseId, SampleFiles.Predictions());
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }));

            var others = answers.Where(a => a.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests)).ToList();
            Assert.True(others.Count == 0, $"Round {round}: {others.Count} uploads answered neither 202 nor 429: "
                + string.Join("; ", others.GroupBy(a => a.StatusCode).Select(g => $"{g.Count()} answered {(int)g.Key}, the first {g.First().Body}")));
            Assert.Equal(Quota, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
            Assert.Equal(Uploads - Quota, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
            await using var scope = _server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
            var slots = await db.Submissions.Where(s => s.TeamId == teamId).Select(s => s.QuotaSlot).OrderBy(s => s).ToListAsync();
            Assert.Equal(new int?[] { 1, 2, 3, 4, 5 }, slots);
        }
    }
}
