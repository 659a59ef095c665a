using System.Net;
using System.Net.Http.Json;
using DataChallenge.Api.Tests.Participation;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Teams;

/// <summary>Many people join one team with its invite code at the same moment; the size limit still holds.</summary>
public sealed class TeamRaceTests : IAsyncLifetime
{
    private const int MaxSize = 3;
    private const int Joiners = 12;
    private readonly ServerFactory _server = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Join_LeavesExactlyTheMaximumSize_WhenManyJoinAtOnce()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        await ApiSession.EnsureAsync(await organiser.Client.PutAsJsonAsync($"/api/challenges/{slug}",
            new { title = "Small teams", visibility = "public", requiresApproval = false, maxTeamSize = MaxSize }), "limit team size");
        var founder = await ApiSession.RegisterAsync(_server.CreateClient());
        await founder.JoinAsync(slug);
        var code = (await (await founder.Client.GetAsync($"/api/challenges/{slug}/team")).JsonAsync()).GetProperty("inviteCode").GetString();
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
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, $"unexpected {s}"));
        var team = await (await founder.Client.GetAsync($"/api/challenges/{slug}/team")).JsonAsync();
        Assert.Equal(MaxSize, team.GetProperty("members").GetArrayLength());
    }
}
