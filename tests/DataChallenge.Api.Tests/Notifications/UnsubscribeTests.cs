using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Notifications;

/// <summary>The one-click unsubscribe link of a real mail: it works without signing in, for its kind only, and only as signed.</summary>
public sealed class UnsubscribeTests
{
    [Fact]
    public async Task Unsubscribe_TurnsOnlyThatKindOff_WhenAMailReaderPostsTheLinkWithoutASession()
    {
        await using var stage = await NotifyingServer.StartAsync();
        var participant = await ReminderReceiverAsync(stage);
        var link = UnsubscribeLink(await stage.NotificationToAsync(participant.Email));

        using var mailReader = stage.Server.CreateClient();
        var confirm = await mailReader.GetAsync(link.PathAndQuery);
        var preferencesAfterGet = await PreferencesAsync(participant, stage.Slug);
        var post = await mailReader.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("<form method=\"post\">", await confirm.Content.ReadAsStringAsync());
        Assert.True(preferencesAfterGet.GetProperty("reminders").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var preferences = await PreferencesAsync(participant, stage.Slug);
        Assert.False(preferences.GetProperty("reminders").GetBoolean());
        Assert.True(preferences.GetProperty("submissionOutcomes").GetBoolean());
        // Another phase closing soon: no more reminders for this participant.
        await stage.Organiser.CreatePhaseAsync(stage.Slug, SampleFiles.BinaryConfig, opensAt: DateTimeOffset.UtcNow.AddDays(-3), closesAt: DateTimeOffset.UtcNow.AddHours(6));
        Assert.Equal(0, await stage.RunNotificationJobAsync());
    }

    [Fact]
    public async Task Unsubscribe_AnswersNotFound_WhenTheTokenIsTampered()
    {
        await using var stage = await NotifyingServer.StartAsync();
        var participant = await ReminderReceiverAsync(stage);
        var link = UnsubscribeLink(await stage.NotificationToAsync(participant.Email));
        var token = Uri.UnescapeDataString(link.Query["?token=".Length..]);
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

        using var anonymous = stage.Server.CreateClient();
        var get = await anonymous.GetAsync($"/notifications/unsubscribe?token={Uri.EscapeDataString(tampered)}");
        var post = await anonymous.PostAsync($"/notifications/unsubscribe?token={Uri.EscapeDataString(tampered)}", null);
        var none = await anonymous.PostAsync("/notifications/unsubscribe", null);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.True((await PreferencesAsync(participant, stage.Slug)).GetProperty("reminders").GetBoolean());
        // The genuine link still works: the refusal was the tampering's doing.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(link.PathAndQuery, null)).StatusCode);
    }

    /// <summary>A participant who got a closing reminder.</summary>
    private static async Task<ApiSession> ReminderReceiverAsync(NotifyingServer stage)
    {
        var now = DateTimeOffset.UtcNow;
        await stage.Organiser.CreatePhaseAsync(stage.Slug, SampleFiles.BinaryConfig, opensAt: now.AddDays(-3), closesAt: now.AddHours(12));
        var participant = await stage.JoinedParticipantAsync();
        Assert.Equal(1, await stage.RunNotificationJobAsync());
        return participant;
    }

    private static Uri UnsubscribeLink(MimeKit.MimeMessage mail) => new((mail.Headers["List-Unsubscribe"] ?? "").Trim('<', '>'));

    private static async Task<JsonElement> PreferencesAsync(ApiSession participant, string slug)
        => await participant.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{slug}/notifications");
}
