using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Notifications;

/// <summary>Organisers' announcements: mailed to those who want them, only them; published by organisers only; audited.</summary>
public sealed class AnnouncementTests
{
    [Fact]
    public async Task Announcement_ReachesOnlySubscribedParticipants_ThroughTheRealSmtpServer()
    {
        await using var stage = await NotifyingServer.StartAsync();
        var subscribed = await stage.JoinedParticipantAsync();
        var optedOut = await stage.JoinedParticipantAsync();
        await ApiSession.EnsureAsync(await subscribed.Client.PutAsJsonAsync($"/api/challenges/{stage.Slug}/notifications",
            new { submissionOutcomes = true, reminders = true, reveal = false, announcements = true }), "subscribe");

        var published = await stage.Organiser.Client.PostAsJsonAsync($"/api/challenges/{stage.Slug}/announcements",
            new { title = "Labels fixed", body = "The labels of **row 12** were wrong; they are fixed." });

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        // Sent by the publication itself, not by a later scheduled run.
        var mail = await stage.NotificationToAsync(subscribed.Email);
        Assert.EndsWith(": Labels fixed", mail.Subject);
        Assert.Contains("The labels of **row 12** were wrong", mail.TextBody);
        Assert.Contains("<strong>row 12</strong>", mail.HtmlBody);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(await stage.NotificationsToAsync(optedOut.Email));
        Assert.Equal(0, await stage.RunNotificationJobAsync());
    }

    [Fact]
    public async Task Announcement_IsListedAndAudited_WhenAnOrganiserPublishesIt()
    {
        await using var stage = await ChallengeStage.StartAsync();

        await ApiSession.EnsureAsync(await stage.Organiser.Client.PostAsJsonAsync($"/api/challenges/{stage.Slug}/announcements",
            new { title = "Deadline moved", body = "One more week." }), "publish");

        var list = await stage.Server.CreateClient().GetFromJsonAsync<JsonElement>($"/api/challenges/{stage.Slug}/announcements");
        var news = Assert.Single(list.EnumerateArray());
        Assert.Equal("Deadline moved", news.GetProperty("title").GetString());
        var audit = await stage.Organiser.Client.GetStringAsync($"/api/challenges/{stage.Slug}/audit");
        Assert.Contains("announcement.published", audit);
    }

    [Fact]
    public async Task Announcement_IsForbidden_WhenAParticipantTriesToPublish()
    {
        await using var stage = await ChallengeStage.StartAsync();
        var participant = await ApiSession.RegisterAsync(stage.Server.CreateClient());
        await participant.JoinAsync(stage.Slug);

        var attempt = await participant.Client.PostAsJsonAsync($"/api/challenges/{stage.Slug}/announcements", new { title = "Fake", body = "Fake news." });
        var empty = await stage.Organiser.Client.PostAsJsonAsync($"/api/challenges/{stage.Slug}/announcements", new { title = " ", body = "Text." });

        Assert.Equal(HttpStatusCode.Forbidden, attempt.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Empty((await stage.Server.CreateClient().GetFromJsonAsync<JsonElement>($"/api/challenges/{stage.Slug}/announcements")).EnumerateArray());
    }
}
