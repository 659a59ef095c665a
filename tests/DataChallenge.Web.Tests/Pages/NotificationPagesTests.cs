using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>Announcements on the challenge page and in the console, and the participant's mail preferences form.</summary>
public sealed class NotificationPagesTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private Scenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await Scenario.CreateAsync(_server);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task ChallengePage_ShowsAScriptInAnAnnouncementAsText_WhenAnOrganiserWroteOne()
    {
        await ApiSession.EnsureAsync(await _scenario.Organiser.Client.PostAsJsonAsync($"/api/challenges/{_scenario.Slug}/announcements",
            new { title = "Update <img src=x onerror=alert(1)>", body = "Read **this**.\n\n<script>alert('stolen')</script>" }), "publish");

        var html = await _server.CreateClient().GetStringAsync($"/challenges/{_scenario.Slug}");

        Assert.Contains("<strong>this</strong>", html);
        Assert.Contains("&lt;script&gt;alert(", html);
        Assert.DoesNotContain("<script>alert(", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    [Fact]
    public async Task ConsoleAnnouncements_PublishesListsAndAudits_WhenAnOrganiserPostsTheForm()
    {
        var organiser = await PageBrowser.SignInAsync(_server, _scenario.Organiser);

        var response = await organiser.PostFormAsync($"/console/{_scenario.Slug}/announcements", $"/console/{_scenario.Slug}/announcements",
            new() { ["Title"] = "Deadline moved", ["Body"] = "One more *week*." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("<em>week</em>", await organiser.Browser.GetStringAsync($"/console/{_scenario.Slug}/announcements"));
        Assert.Contains("Deadline moved", await _server.CreateClient().GetStringAsync($"/challenges/{_scenario.Slug}"));
        Assert.Contains("announcement.published", await organiser.Browser.GetStringAsync($"/console/{_scenario.Slug}/audit"));
    }

    [Fact]
    public async Task ConsoleAnnouncements_IsNotFound_WhenTheVisitorIsAParticipant()
    {
        var participant = await PageBrowser.SignUpAsync(_server);
        await participant.Api.JoinAsync(_scenario.Slug);

        var response = await participant.Browser.GetAsync($"/console/{_scenario.Slug}/announcements");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MailPreferences_KeepOnlyTheTickedKinds_WhenAParticipantSavesTheForm()
    {
        var participant = await PageBrowser.SignUpAsync(_server);
        await participant.Api.JoinAsync(_scenario.Slug);
        var path = $"/challenges/{_scenario.Slug}/notifications";
        var page = await participant.Browser.GetStringAsync(path);

        var response = await participant.Browser.PostAsync(path, new FormUrlEncodedContent(
        [
            new("Kinds", "Reminders"), new("Kinds", "Announcements"), new("__RequestVerificationToken", PageBrowser.TokenIn(page)),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var preferences = await participant.Api.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{_scenario.Slug}/notifications");
        Assert.False(preferences.GetProperty("submissionOutcomes").GetBoolean());
        Assert.True(preferences.GetProperty("reminders").GetBoolean());
        Assert.False(preferences.GetProperty("reveal").GetBoolean());
        Assert.True(preferences.GetProperty("announcements").GetBoolean());
    }

    [Fact]
    public async Task MailPreferences_IsNotFound_WhenTheVisitorIsNotRegistered()
    {
        var outsider = await PageBrowser.SignUpAsync(_server);

        var response = await outsider.Browser.GetAsync($"/challenges/{_scenario.Slug}/notifications");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
