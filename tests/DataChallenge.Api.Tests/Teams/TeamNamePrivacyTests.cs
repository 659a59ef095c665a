using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Teams;

/// <summary>No e-mail address reaches what spectators and other teams read: team names, the board, its CSV, its stream.</summary>
public sealed class TeamNamePrivacyTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private ApiSession _owner = null!;
    private string _slug = "";
    private Guid _phaseId;

    public async ValueTask InitializeAsync()
    {
        _owner = await ApiSession.RegisterAsync(_server.CreateClient());
        _slug = await _owner.CreateChallengeAsync();
        _phaseId = await _owner.CreatePhaseAsync(_slug, SampleFiles.BinaryConfig, opensAt: DateTimeOffset.UtcNow.AddHours(-1));
        await _owner.UploadLabelsAsync(_phaseId, SampleFiles.Labels());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Board_ShowsNoEmailAddress_WhenACompetitorJoinsWithoutATeamName()
    {
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());

        var joined = await competitor.Client.PostAsJsonAsync($"/api/challenges/{_slug}/join", new { });
        await ApiSession.EnsureAsync(joined, "join");
        var teamName = (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("teamName").GetString()!;
        await ScoredAsync(competitor);

        AssertNoAddress(teamName, competitor.Email);
        foreach (var text in await EverythingASpectatorReadsAsync()) AssertNoAddress(text, competitor.Email);
    }

    [Fact]
    public async Task Leave_NamesTheNewTeamWithoutTheEmailAddress_WhenAMemberLeaves()
    {
        var alice = await ApiSession.RegisterAsync(_server.CreateClient());
        var bob = await ApiSession.RegisterAsync(_server.CreateClient());
        await alice.JoinAsync(_slug, "Alpha");
        await bob.JoinAsync(_slug, "Beta");
        var code = (await alice.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{_slug}/team")).GetProperty("inviteCode").GetString();
        await ApiSession.EnsureAsync(await bob.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams/join", new { inviteCode = code }), "join Alpha");

        var left = await bob.Client.PostAsync($"/api/challenges/{_slug}/team/leave", null);

        await ApiSession.EnsureAsync(left, "leave");
        AssertNoAddress((await left.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString()!, bob.Email);
    }

    [Fact]
    public async Task CreateTeam_Answers400_WhenTheNameIsAnEmailAddress()
    {
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(_slug, "Gamma");

        var created = await competitor.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams", new { name = competitor.Email });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
    }

    [Fact]
    public async Task Board_MasksTheAddress_WhenAnOlderTeamIsNamedAfterOne()
    {
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        var teamId = await competitor.JoinAsync(_slug, "Delta");
        // Teams named before names were checked keep their stored name; only what others read is masked.
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
            await db.Teams.Where(t => t.Id == teamId).ExecuteUpdateAsync(set => set.SetProperty(t => t.Name, competitor.Email));
        }
        await ScoredAsync(competitor);

        foreach (var text in await EverythingASpectatorReadsAsync()) AssertNoAddress(text, competitor.Email);
    }

    private async Task ScoredAsync(ApiSession competitor)
    {
        var outcome = await competitor.WaitForOutcomeAsync(await competitor.SubmitAsync(_phaseId, SampleFiles.Predictions()));
        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        await _owner.LeaderboardWithEntriesAsync(_phaseId, 1);
    }

    private async Task<string[]> EverythingASpectatorReadsAsync()
    {
        var spectator = _server.CreateClient();
        return
        [
            await spectator.GetStringAsync($"/api/phases/{_phaseId}/leaderboard"),
            await spectator.GetStringAsync($"/phases/{_phaseId}/leaderboard?handler=csv"),
            await spectator.GetStringAsync($"/phases/{_phaseId}/leaderboard"),
            await FirstLiveEventAsync(spectator),
        ];
    }

    private async Task<string> FirstLiveEventAsync(HttpClient spectator)
    {
        using var response = await spectator.GetAsync($"/api/phases/{_phaseId}/leaderboard/live", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var text = "";
        while (await reader.ReadLineAsync() is { } line && !(line.Length == 0 && text.Contains("data:", StringComparison.Ordinal))) text += line + "\n";
        Assert.Contains("\"rows\"", text, StringComparison.Ordinal);
        return text;
    }

    private static void AssertNoAddress(string text, string email)
    {
        Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email.Split('@')[0], text, StringComparison.OrdinalIgnoreCase);
    }
}
