using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>The console's challenge settings and terms publishing over plain HTTP, with the API's rules.</summary>
public sealed class ConsoleSettingsTests : IAsyncDisposable
{
    private readonly ServerFactory _server = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Settings_ChangeTheVisibilityAndShowTheSecretLink_WhenTheOrganiserMakesTheChallengeUnlisted()
    {
        var organiser = await PageBrowser.SignUpAsync(_server);
        var slug = await organiser.Api.CreateChallengeAsync();
        var page = $"/console/{slug}/settings";
        Assert.Contains($"href=\"{page}\"", await organiser.Browser.GetStringAsync($"/console/{slug}", TestContext.Current.CancellationToken));

        var response = await organiser.PostFormAsync(page, page, new Dictionary<string, string>
        {
            ["Form.Title"] = "Renamed challenge", ["Form.Visibility"] = "unlisted", ["Form.RequiresApproval"] = "true", ["Form.MaxTeamSize"] = "3",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var challenge = await organiser.Api.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{slug}", TestContext.Current.CancellationToken);
        Assert.Equal("Renamed challenge", challenge.GetProperty("title").GetString());
        Assert.Equal("unlisted", challenge.GetProperty("visibility").GetString());
        Assert.True(challenge.GetProperty("requiresApproval").GetBoolean());
        Assert.Equal(3, challenge.GetProperty("maxTeamSize").GetInt32());
        var html = await organiser.Browser.GetStringAsync(page, TestContext.Current.CancellationToken);
        Assert.Contains($"/challenges/{slug}?key={challenge.GetProperty("accessKey").GetString()}", html);
    }

    [Fact]
    public async Task Settings_AnswerBadRequestAndChangeNothing_WhenTheTeamSizeIsNotPositive()
    {
        var organiser = await PageBrowser.SignUpAsync(_server);
        var slug = await organiser.Api.CreateChallengeAsync();
        var page = $"/console/{slug}/settings";

        var response = await organiser.PostFormAsync(page, page, new Dictionary<string, string>
        {
            ["Form.Title"] = "Should not be saved", ["Form.Visibility"] = "draft", ["Form.MaxTeamSize"] = "0",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A team has room for at least one member", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var challenge = await organiser.Api.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{slug}", TestContext.Current.CancellationToken);
        Assert.NotEqual("Should not be saved", challenge.GetProperty("title").GetString());
        Assert.Equal("public", challenge.GetProperty("visibility").GetString());
    }

    [Fact]
    public async Task Terms_BumpTheVersion_WhenTheOrganiserPublishesANewText()
    {
        var organiser = await PageBrowser.SignUpAsync(_server);
        var slug = await organiser.Api.CreateChallengeAsync();
        var page = $"/console/{slug}/settings";
        var action = $"{page}?handler=Terms";

        var first = await organiser.PostFormAsync(page, action, new Dictionary<string, string> { ["Terms"] = "Use the data for this challenge only." });
        var second = await organiser.PostFormAsync(page, action, new Dictionary<string, string> { ["Terms"] = "Use the data for research only." });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var challenge = await organiser.Api.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{slug}", TestContext.Current.CancellationToken);
        Assert.Equal(2, challenge.GetProperty("termsVersion").GetInt32());
        var html = WebUtility.HtmlDecode(await organiser.Browser.GetStringAsync(page, TestContext.Current.CancellationToken));
        Assert.Contains("Current version: 2.", html);
        Assert.Contains("Use the data for research only.", html);
        var empty = await organiser.PostFormAsync(page, action, new Dictionary<string, string> { ["Terms"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task SettingsPageAndItsPosts_AnswerNotFound_WhenAnotherChallengesOrganiserCallsThem()
    {
        var owner = await PageBrowser.SignUpAsync(_server);
        var slug = await owner.Api.CreateChallengeAsync();
        var stranger = await PageBrowser.SignUpAsync(_server);
        var theirs = await stranger.Api.CreateChallengeAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Browser.GetAsync($"/console/{slug}/settings", TestContext.Current.CancellationToken)).StatusCode);
        var settings = await stranger.PostFormAsync($"/console/{theirs}/settings", $"/console/{slug}/settings", new Dictionary<string, string>
        {
            ["Form.Title"] = "Hijacked", ["Form.Visibility"] = "draft",
        });
        var terms = await stranger.PostFormAsync($"/console/{theirs}/settings", $"/console/{slug}/settings?handler=Terms",
            new Dictionary<string, string> { ["Terms"] = "Hijacked" });

        Assert.Equal(HttpStatusCode.NotFound, settings.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, terms.StatusCode);
        var challenge = await owner.Api.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{slug}", TestContext.Current.CancellationToken);
        Assert.NotEqual("Hijacked", challenge.GetProperty("title").GetString());
        Assert.Equal(0, challenge.GetProperty("termsVersion").GetInt32());
    }
}
