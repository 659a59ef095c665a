using System.Globalization;
using System.Text.RegularExpressions;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Notifications;

/// <summary>Outcome mail through the real SMTP server: for those who did not wait for the answer, with what they may read.</summary>
public sealed partial class SubmissionOutcomeMailTests
{
    [Fact]
    public async Task ScoredSubmission_IsMailedWithItsPublicScoreOnly_WhenItsAuthorDidNotWait()
    {
        // Every outcome counts as late here: a sample file is scored in well under the default minute.
        await using var stage = await NotifyingServer.StartAsync(("Notifications:OutcomeMailAfter", "-00:00:01"));
        var phaseId = await OpenPhaseAsync(stage);
        var competitor = await stage.JoinedParticipantAsync();
        var submissionId = await competitor.SubmitAsync(phaseId, SampleFiles.Predictions(swaps: 4));
        await competitor.WaitForOutcomeAsync(submissionId);

        Assert.Equal(1, await stage.RunNotificationJobAsync());

        var mail = await stage.NotificationToAsync(competitor.Email);
        Assert.EndsWith("your submission was scored", mail.Subject);
        var (publicScore, privateScore) = await ScoresAsync(stage.Server, submissionId);
        Assert.NotEqual(Math.Round(publicScore, 4), Math.Round(privateScore, 4));
        var shown = Math.Round(publicScore, 4).ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"Public score (roc_auc): {shown}", mail.TextBody);
        // The public score is the only number the words give (the links that follow carry none of meaning).
        var text = mail.TextBody ?? "";
        var words = text[..text.IndexOf("http", StringComparison.Ordinal)];
        Assert.All(Number().Matches(words), n => Assert.Equal(shown, n.Value));
        Assert.DoesNotContain("rivate", mail.TextBody + mail.HtmlBody);
        Assert.Equal(0, await stage.RunNotificationJobAsync());
    }

    [Fact]
    public async Task ScoredSubmission_IsNotMailed_WhenTheOutcomeCameWhileItsAuthorWaited()
    {
        await using var stage = await NotifyingServer.StartAsync();
        var phaseId = await OpenPhaseAsync(stage);
        var competitor = await stage.JoinedParticipantAsync();
        await competitor.WaitForOutcomeAsync(await competitor.SubmitAsync(phaseId, SampleFiles.Predictions()));

        Assert.Equal(0, await stage.RunNotificationJobAsync());
    }

    /// <summary>A phase opened days ago, so that its opening is no news.</summary>
    private static async Task<Guid> OpenPhaseAsync(NotifyingServer stage)
    {
        var phaseId = await stage.Organiser.CreatePhaseAsync(stage.Slug, SampleFiles.BinaryConfig, opensAt: DateTimeOffset.UtcNow.AddDays(-3));
        await stage.Organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        return phaseId;
    }

    private static async Task<(double Public, double Private)> ScoresAsync(ServerFactory server, Guid submissionId)
    {
        using var scope = server.Services.CreateScope();
        var submission = await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Submissions.SingleAsync(s => s.Id == submissionId);
        return (submission.PublicScore!.Value, submission.PrivateScore!.Value);
    }

    [GeneratedRegex(@"\d+\.\d+")]
    private static partial Regex Number();
}
