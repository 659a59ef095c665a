using System.Net.Http.Json;
using DataChallenge.Api.Jobs;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Notifications;

/// <summary>Reminders and the reveal, sent by the scheduled job through the real SMTP server.</summary>
public sealed class ReminderMailTests
{
    [Fact]
    public async Task ClosingReminder_IsMailedOnce_WhenTheJobRunsTwiceAtOnceAndAgainLater()
    {
        await using var stage = await NotifyingServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        // Opened long ago (no opening mail is due), closing within the day.
        await stage.Organiser.CreatePhaseAsync(stage.Slug, SampleFiles.BinaryConfig, opensAt: now.AddDays(-3), closesAt: now.AddHours(12));
        var participant = await stage.JoinedParticipantAsync();

        var runs = await Task.WhenAll(stage.RunNotificationJobAsync(), stage.RunNotificationJobAsync());
        var later = await stage.RunNotificationJobAsync();

        Assert.Equal(1, runs.Sum() + later);
        var mail = await stage.NotificationToAsync(participant.Email);
        Assert.Contains("closes soon", mail.Subject);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith("<http", mail.Headers["List-Unsubscribe"]);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await stage.NotificationsToAsync(participant.Email));
    }

    [Fact]
    public async Task OpeningReminder_IsMailed_WhenAPhaseHasJustOpened()
    {
        await using var stage = await NotifyingServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await stage.Organiser.CreatePhaseAsync(stage.Slug, SampleFiles.BinaryConfig, opensAt: now.AddMinutes(-1), closesAt: now.AddDays(10));
        var participant = await stage.JoinedParticipantAsync();

        Assert.Equal(1, await stage.RunNotificationJobAsync());

        var mail = await stage.NotificationToAsync(participant.Email);
        Assert.EndsWith("is open", mail.Subject);
    }

    [Fact]
    public async Task NotificationJob_KeepsNoClaimTracked_SoEachMailCostsTheSameWhateverTheNumberOfParticipants()
    {
        await using var stage = await NotifyingServer.StartAsync();
        await stage.Organiser.CreatePhaseAsync(stage.Slug, SampleFiles.BinaryConfig, opensAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        for (var i = 0; i < 3; i++) await stage.JoinedParticipantAsync();

        using var scope = stage.Server.Services.CreateScope();
        var queued = await scope.ServiceProvider.GetRequiredService<QueueDueNotificationsJob>().RunAsync(CancellationToken.None);

        // A claim left tracked would be checked again by every later claim of the run.
        Assert.Equal(3, queued);
        Assert.Empty(scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().ChangeTracker.Entries());
    }

    [Fact]
    public async Task Reveal_IsMailedOnlyToThoseWhoAskedForIt()
    {
        await using var stage = await NotifyingServer.StartAsync();
        var phaseId = await stage.Organiser.CreatePhaseAsync(stage.Slug, SampleFiles.BinaryConfig, opensAt: DateTimeOffset.UtcNow.AddDays(-3));
        var asked = await stage.JoinedParticipantAsync();
        var silent = await stage.JoinedParticipantAsync();
        await ApiSession.EnsureAsync(await asked.Client.PutAsJsonAsync($"/api/challenges/{stage.Slug}/notifications",
            new { submissionOutcomes = true, reminders = false, reveal = true, announcements = false }), "ask for the reveal");
        await ApiSession.EnsureAsync(await stage.Organiser.Client.PostAsync($"/api/phases/{phaseId}/reveal", null), "reveal");

        Assert.Equal(1, await stage.RunNotificationJobAsync());

        var mail = await stage.NotificationToAsync(asked.Email);
        Assert.EndsWith("the private leaderboard is revealed", mail.Subject);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(await stage.NotificationsToAsync(silent.Email));
    }
}
