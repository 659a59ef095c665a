using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Notifications;

public sealed class NotificationPreferencesTests
{
    [Fact]
    public async Task Preferences_AreOutcomesAndRemindersOnly_WhenAParticipantJoins()
    {
        await using var stage = await ChallengeStage.StartAsync();
        var participant = await ApiSession.RegisterAsync(stage.Server.CreateClient());
        await participant.JoinAsync(stage.Slug);

        var preferences = await participant.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{stage.Slug}/notifications");

        Assert.True(preferences.GetProperty("submissionOutcomes").GetBoolean());
        Assert.True(preferences.GetProperty("reminders").GetBoolean());
        Assert.False(preferences.GetProperty("reveal").GetBoolean());
        Assert.False(preferences.GetProperty("announcements").GetBoolean());
    }

    [Fact]
    public async Task Preferences_AreKept_WhenTheParticipantChangesThem()
    {
        await using var stage = await ChallengeStage.StartAsync();
        var participant = await ApiSession.RegisterAsync(stage.Server.CreateClient());
        await participant.JoinAsync(stage.Slug);

        var put = await participant.Client.PutAsJsonAsync($"/api/challenges/{stage.Slug}/notifications",
            new { submissionOutcomes = false, reminders = true, reveal = true, announcements = true });
        await ApiSession.EnsureAsync(put, "change preferences");
        var preferences = await participant.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{stage.Slug}/notifications");

        Assert.False(preferences.GetProperty("submissionOutcomes").GetBoolean());
        Assert.True(preferences.GetProperty("reveal").GetBoolean());
        Assert.True(preferences.GetProperty("announcements").GetBoolean());
    }

    [Fact]
    public async Task Preferences_AnswerNotFound_WhenTheCallerIsNotRegistered()
    {
        await using var stage = await ChallengeStage.StartAsync();
        var outsider = await ApiSession.RegisterAsync(stage.Server.CreateClient());

        var get = await outsider.Client.GetAsync($"/api/challenges/{stage.Slug}/notifications");
        var put = await outsider.Client.PutAsJsonAsync($"/api/challenges/{stage.Slug}/notifications",
            new { submissionOutcomes = true, reminders = true, reveal = true, announcements = true });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }
}
