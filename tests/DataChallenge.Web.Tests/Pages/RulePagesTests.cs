using System.Net;
using System.Net.Http.Json;
using DataChallenge.Testing;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>The pages apply the competition rules the API applies: visibility, registration, participation, board settings.</summary>
public sealed class RulePagesTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private HttpClient _visitor = null!;

    public ValueTask InitializeAsync()
    {
        _visitor = _server.CreateClient(new() { AllowAutoRedirect = false });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task ChallengePage_Answers404ToOthers_WhenTheChallengeIsADraft()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        await ApiSession.EnsureAsync(await organiser.Client.PostAsJsonAsync("/api/challenges",
            new { slug = "secret-draft", title = "Secret draft title", description = "Not yet.", visibility = "draft" }), "create");
        var stranger = await SignedInBrowserAsync($"stranger-{Guid.NewGuid():N}@example.org");
        var owner = await BrowserForAsync(organiser.Email);

        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/challenges/secret-draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/challenges/secret-draft")).StatusCode);
        Assert.DoesNotContain("Secret draft title", await _visitor.GetStringAsync("/"));
        Assert.Contains("Secret draft title", await owner.GetStringAsync("/challenges/secret-draft"));
    }

    [Fact]
    public async Task LeaderboardPage_Answers404_WhenItsChallengeIsADraft()
    {
        var scenario = await Scenario.CreateAsync(_server);
        await UpdateChallengeAsync(scenario, "draft", requiresApproval: false);

        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/phases/{scenario.PhaseId}/leaderboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/phases/{scenario.PhaseId}/leaderboard?handler=csv")).StatusCode);
    }

    [Fact]
    public async Task ChallengePage_OpensOnlyWithItsKey_WhenTheChallengeIsUnlisted()
    {
        var scenario = await Scenario.CreateAsync(_server);
        await UpdateChallengeAsync(scenario, "unlisted", requiresApproval: false);
        var details = await scenario.Organiser.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/challenges/{scenario.Slug}");
        var key = details.GetProperty("accessKey").GetString();

        Assert.DoesNotContain(scenario.Slug, await _visitor.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/challenges/{scenario.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/challenges/{scenario.Slug}?key=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync($"/challenges/{scenario.Slug}?key={key}")).StatusCode);
    }

    [Fact]
    public async Task ChallengePage_RefusesToJoin_WhenTheTermsAreNotAccepted()
    {
        var scenario = await Scenario.CreateAsync(_server);
        await PublishTermsAsync(scenario, "Use the data for research only.");
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        var browser = await SignedInBrowserAsync(email);
        var page = await browser.GetStringAsync($"/challenges/{scenario.Slug}");

        var response = await browser.PostAsync($"/challenges/{scenario.Slug}?handler=Join", Form(page, ("NewTeamName", "No reading")));

        Assert.Contains("Use the data for research only.", page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Joining means accepting the current terms.", await response.Content.ReadAsStringAsync());
        var participants = await scenario.Organiser.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/challenges/{scenario.Slug}/participants");
        Assert.Equal(0, participants.GetArrayLength());
    }

    [Fact]
    public async Task ChallengePage_JoinsAsPending_WhenTheTermsAreAcceptedAndApprovalIsRequired()
    {
        var scenario = await Scenario.CreateAsync(_server);
        await UpdateChallengeAsync(scenario, "public", requiresApproval: true);
        await PublishTermsAsync(scenario, "Be kind.");
        var browser = await SignedInBrowserAsync($"careful-{Guid.NewGuid():N}@example.org");
        var page = await browser.GetStringAsync($"/challenges/{scenario.Slug}");

        var response = await browser.PostAsync($"/challenges/{scenario.Slug}?handler=Join", Form(page, ("NewTeamName", "Careful"), ("AcceptedTermsVersion", "1")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await browser.GetStringAsync($"/challenges/{scenario.Slug}");
        Assert.Contains("data-block=\"pending\"", after);
        Assert.DoesNotContain($"/phases/{scenario.PhaseId}/submit\"", after);
        var submit = await browser.GetStringAsync($"/phases/{scenario.PhaseId}/submit");
        Assert.Contains("data-block=\"pending\"", submit);
        Assert.DoesNotContain("id=\"upload\"", submit);
        var participants = await scenario.Organiser.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/challenges/{scenario.Slug}/participants");
        Assert.Equal("pending", participants[0].GetProperty("status").GetString());
        Assert.Equal(1, participants[0].GetProperty("acceptedTermsVersion").GetInt32());
    }

    [Fact]
    public async Task ChallengePage_AsksForTheNewTerms_WhenTheOrganisersPublishAnotherVersion()
    {
        var scenario = await Scenario.CreateAsync(_server);
        var browser = await SignedInBrowserAsync($"early-{Guid.NewGuid():N}@example.org");
        var page = await browser.GetStringAsync($"/challenges/{scenario.Slug}");
        await ApiSession.EnsureAsync(await browser.PostAsync($"/challenges/{scenario.Slug}?handler=Join", Form(page, ("NewTeamName", "Early birds"))),
            "join", HttpStatusCode.Redirect);
        await PublishTermsAsync(scenario, "New rules apply.");

        var blocked = await browser.GetStringAsync($"/challenges/{scenario.Slug}");
        var accepted = await browser.PostAsync($"/challenges/{scenario.Slug}?handler=AcceptTerms", Form(blocked, ("AcceptedTermsVersion", "1")));

        Assert.Contains("data-block=\"terms\"", blocked);
        Assert.Contains("New rules apply.", blocked);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var after = await browser.GetStringAsync($"/challenges/{scenario.Slug}");
        Assert.DoesNotContain("data-block=", after);
        Assert.Contains($"/phases/{scenario.PhaseId}/submit\"", after);
    }

    [Fact]
    public async Task LeaderboardPage_RendersNoRows_WhenTheBoardIsHidden()
    {
        var scenario = await Scenario.CreateAsync(_server);
        await scenario.ScoreAsync(_server, "Hidden heroes", SampleFiles.Predictions(), 1);
        await BoardSettingsAsync(scenario, hidden: true, anonymise: false, decimals: 4);
        var owner = await BrowserForAsync(scenario.Organiser.Email);

        var html = await _visitor.GetStringAsync($"/phases/{scenario.PhaseId}/leaderboard");
        var csv = await _visitor.GetStringAsync($"/phases/{scenario.PhaseId}/leaderboard?handler=csv");

        Assert.DoesNotContain("Hidden heroes", html);
        Assert.Contains("id=\"board-hidden\"", html);
        Assert.DoesNotContain("Hidden heroes", csv);
        Assert.Contains("Hidden heroes", await owner.GetStringAsync($"/phases/{scenario.PhaseId}/leaderboard"));
    }

    [Fact]
    public async Task LeaderboardPage_ShowsNumbersInsteadOfNames_WhenTeamsAreAnonymised()
    {
        var scenario = await Scenario.CreateAsync(_server);
        await scenario.ScoreAsync(_server, "Named and shamed", SampleFiles.Predictions(), 1);
        await BoardSettingsAsync(scenario, hidden: false, anonymise: true, decimals: 2);
        var board = await scenario.Organiser.LeaderboardAsync(scenario.PhaseId);
        var teamId = board.GetProperty("rows")[0].GetProperty("teamId").GetGuid();

        var html = await _visitor.GetStringAsync($"/phases/{scenario.PhaseId}/leaderboard");

        Assert.DoesNotContain("Named and shamed", html);
        Assert.Contains("Team 1", html);
        Assert.Contains(1.0.ToString("F2", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.DoesNotContain(1.0.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/phases/{scenario.PhaseId}/teams/{teamId}")).StatusCode);
    }

    [Fact]
    public async Task LeaderboardPage_ShowsThePrivateBoardWithRankChanges_OnlyAfterTheReveal()
    {
        var scenario = await Scenario.CreateAsync(_server);
        await scenario.ScoreAsync(_server, "Steady team", SampleFiles.Predictions(), 1);

        var before = await _visitor.GetStringAsync($"/phases/{scenario.PhaseId}/leaderboard");
        await ApiSession.EnsureAsync(await scenario.Organiser.Client.PostAsync($"/api/phases/{scenario.PhaseId}/reveal", null), "reveal");
        var after = await _visitor.GetStringAsync($"/phases/{scenario.PhaseId}/leaderboard");

        Assert.DoesNotContain("id=\"private-board\"", before);
        Assert.Contains("id=\"private-board\"", after);
        Assert.Contains("data-change=\"0\"", after);
    }

    private async Task UpdateChallengeAsync(Scenario scenario, string visibility, bool requiresApproval)
        => await ApiSession.EnsureAsync(await scenario.Organiser.Client.PutAsJsonAsync($"/api/challenges/{scenario.Slug}",
            new { title = "Rules " + scenario.Slug, description = "Rules.", visibility, requiresApproval, maxTeamSize = (int?)null }), "update challenge");

    private static async Task PublishTermsAsync(Scenario scenario, string text)
        => await ApiSession.EnsureAsync(await scenario.Organiser.Client.PostAsJsonAsync($"/api/challenges/{scenario.Slug}/terms", new { text }), "publish terms");

    private static async Task BoardSettingsAsync(Scenario scenario, bool hidden, bool anonymise, int decimals)
        => await ApiSession.EnsureAsync(await scenario.Organiser.Client.PutAsJsonAsync($"/api/phases/{scenario.PhaseId}/board-settings",
            new { hidden, anonymise, scoreDecimals = decimals, ladderMargin = (double?)null }), "board settings");

    private async Task<HttpClient> SignedInBrowserAsync(string email)
    {
        await ApiSession.RegisterAsync(_server.CreateClient(), email);
        return await BrowserForAsync(email);
    }

    private async Task<HttpClient> BrowserForAsync(string email)
    {
        var browser = _server.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/account/signin");
        await ApiSession.EnsureAsync(await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = ApiSession.Password, ["__RequestVerificationToken"] = TokenIn(form),
        })), "sign in", HttpStatusCode.Redirect);
        return browser;
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields)
        => new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", TokenIn(page))));

    private static string TokenIn(string html)
    {
        const string marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }
}
