using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>The team page over plain HTTP: forms that work without script, the invite code for members only, the size limit.</summary>
public sealed class TeamPageTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private Scenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await Scenario.CreateAsync(_server);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private string TeamPath => $"/challenges/{_scenario.Slug}/team";

    [Fact]
    public async Task TeamPage_ListsTheNewMember_WhenSheJoinsWithTheInviteCode()
    {
        var alice = await JoinedAsync();
        var bob = await JoinedAsync();

        var created = await alice.PostFormAsync(TeamPath, TeamPath + "?handler=Create", new() { ["Name"] = "  Night Owls " });
        var code = await InviteCodeAsync(alice);
        var joined = await bob.PostFormAsync(TeamPath, TeamPath + "?handler=Join", new() { ["InviteCode"] = code });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal(TeamPath + "?done=joined", joined.Headers.Location!.OriginalString);
        var page = await alice.Browser.GetStringAsync(TeamPath);
        Assert.Contains("<h2 id=\"team-heading\">Night Owls</h2>", page);
        Assert.Contains(alice.Api.Email, page);
        Assert.Contains(bob.Api.Email, page);
        // The policy forbids inline styles; an empty validation summary would carry one.
        Assert.DoesNotContain("style=", page);
        Assert.Contains("You are now in team Night Owls.", await bob.Browser.GetStringAsync(TeamPath + "?done=joined"));
    }

    [Fact]
    public async Task TeamPage_ShowsTheLimit_WhenTheTeamIsFull()
    {
        await ApiSession.EnsureAsync(await _scenario.Organiser.Client.PutAsJsonAsync($"/api/challenges/{_scenario.Slug}",
            new { title = "Pairs", visibility = "public", requiresApproval = false, maxTeamSize = 1 }), "limit team size");
        var alice = await JoinedAsync();
        var bob = await JoinedAsync();

        var refused = await bob.PostFormAsync(TeamPath, TeamPath + "?handler=Join", new() { ["InviteCode"] = await InviteCodeAsync(alice) });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This team is full: teams in this challenge have at most 1 members.", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain(alice.Api.Email, await bob.Browser.GetStringAsync(TeamPath));
    }

    [Fact]
    public async Task TeamPage_HidesOtherTeamsInviteCodes_WhenReadByAnotherCompetitor()
    {
        var alice = await JoinedAsync();
        var bob = await JoinedAsync();
        var code = await InviteCodeAsync(alice);

        var page = await bob.Browser.GetStringAsync(TeamPath);

        Assert.DoesNotContain(code, page);
        Assert.Contains(await InviteCodeAsync(bob), page);
    }

    [Fact]
    public async Task TeamPage_SaysWhyLeavingFails_WhenTheTeamHasSubmitted()
    {
        var alice = await JoinedAsync();
        var bob = await JoinedAsync();
        await bob.PostFormAsync(TeamPath, TeamPath + "?handler=Join", new() { ["InviteCode"] = await InviteCodeAsync(alice) });
        await alice.Api.WaitForOutcomeAsync(await alice.Api.SubmitAsync(_scenario.PhaseId, SampleFiles.Predictions()));

        var refused = await bob.PostFormAsync(TeamPath, TeamPath + "?handler=Leave", []);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Your team has submitted already, so you cannot leave it.", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TeamPage_RedirectsToSignIn_WhenTheVisitorIsAnonymous()
    {
        var response = await _server.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(TeamPath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<PageBrowser> JoinedAsync()
    {
        var person = await PageBrowser.SignUpAsync(_server);
        await person.Api.JoinAsync(_scenario.Slug);
        return person;
    }

    private async Task<string> InviteCodeAsync(PageBrowser person)
    {
        var team = await (await person.Api.Client.GetAsync($"/api/challenges/{_scenario.Slug}/team")).Content.ReadFromJsonAsync<JsonElement>();
        return team.GetProperty("inviteCode").GetString()!;
    }
}
