using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.IntegrationTests.Rules;

/// <summary>Concurrent joins of one team on PostgreSQL, whose writers really run at once: the size limit still holds.</summary>
public sealed class TeamRaceOnPostgresTests : IAsyncLifetime
{
    private const int Rounds = 5;
    private const int Joiners = 12;
    private const int MaxSize = 3;
    private PostgresOnlyServer _server = null!;

    public ValueTask InitializeAsync()
    {
        // Only the database matters here; the bus and the object store stay embedded.
        _server = new PostgresOnlyServer();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Join_LeavesExactlyTheMaximumSize_WhenManyJoinAtOnceOnPostgres()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        await ApiSession.EnsureAsync(await organiser.Client.PutAsJsonAsync($"/api/challenges/{slug}",
            new { title = "Small teams", visibility = "public", requiresApproval = false, maxTeamSize = MaxSize }), "limit team size");
        for (var round = 0; round < Rounds; round++)
        {
            var founder = await ApiSession.RegisterAsync(_server.CreateClient());
            await founder.JoinAsync(slug);
            var code = (await ReadTeamAsync(founder, slug)).GetProperty("inviteCode").GetString();
            // The race under test is the team joins below; accounts are made one after another beforehand.
            var joiners = new List<ApiSession>();
            for (var i = 0; i < Joiners; i++)
            {
                var joiner = await ApiSession.RegisterAsync(_server.CreateClient());
                await joiner.JoinAsync(slug);
                joiners.Add(joiner);
            }

            var statuses = await Task.WhenAll(joiners.Select(async j =>
                (await j.Client.PostAsJsonAsync($"/api/challenges/{slug}/teams/join", new { inviteCode = code })).StatusCode));

            Assert.Equal(MaxSize - 1, statuses.Count(s => s == HttpStatusCode.OK));
            Assert.Equal(MaxSize, (await ReadTeamAsync(founder, slug)).GetProperty("members").GetArrayLength());
        }
    }

    private static async Task<JsonElement> ReadTeamAsync(ApiSession session, string slug)
        => await (await session.Client.GetAsync($"/api/challenges/{slug}/team")).Content.ReadFromJsonAsync<JsonElement>();
}
