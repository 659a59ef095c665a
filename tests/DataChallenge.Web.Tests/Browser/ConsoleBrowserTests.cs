using System.Globalization;
using System.Text;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataChallenge.Web.Tests.Browser;

/// <summary>The organiser console's scripted actions, driven in a real browser.</summary>
public sealed class ConsoleBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task Rescore_ShowsProgressUntilCompletionAndTheRankChanges_WhenNewLabelsReverseTheOrder()
    {
        fixture.RequireBrowser();
        var scenario = await Scenario.CreateAsync(fixture.Server);
        await scenario.ScoreAsync(fixture.Server, "Sharp team", SampleFiles.Predictions(), 1);
        await scenario.ScoreAsync(fixture.Server, "Blunt team", SampleFiles.Predictions(swaps: 8), 2);
        // Every label flipped: the best team becomes the worst, so the rescoring must swap the ranks.
        await scenario.Organiser.UploadLabelsAsync(scenario.PhaseId, FlippedLabels());
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, scenario.Organiser.Email);
        await page.GotoAsync($"/console/{scenario.Slug}");

        var panel = page.Locator($"#phase-{scenario.PhaseId} [data-rescore]");
        await Expect(panel).ToBeVisibleAsync();
        await panel.Locator("button").ClickAsync();

        await Expect(panel.Locator("[data-status]")).ToContainTextAsync("Rescoring complete: 2 submissions rescored.", Patiently);
        var progress = await panel.Locator("progress").EvaluateAsync<double[]>("p => [p.value, p.max]");
        Assert.Equal(2, progress[1]);
        Assert.Equal(progress[1], progress[0]);
        var changes = panel.Locator("[data-changes]");
        await Expect(changes).ToContainTextAsync("Sharp team: public rank 1 → 2");
        await Expect(changes).ToContainTextAsync("Blunt team: public rank 2 → 1");
        await Expect(panel.Locator("button")).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-rescore");
    }

    [Fact]
    public async Task Redispatch_ShowsTheRowsNewStatus_WhenTheOrganiserSendsAFailedSubmissionAgain()
    {
        fixture.RequireBrowser();
        var scenario = await Scenario.CreateAsync(fixture.Server);
        await scenario.ScoreAsync(fixture.Server, "Unlucky team", SampleFiles.Predictions(), 1);
        Guid submissionId;
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            // A platform failure, as a worker that gave up would leave it.
            var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
            var submission = await db.Submissions.SingleAsync(s => s.PhaseId == scenario.PhaseId, TestContext.Current.CancellationToken);
            submission.Status = SubmissionStatus.Failed;
            submission.Message = "The worker stopped.";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            submissionId = submission.Id;
        }
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, scenario.Organiser.Email);
        await page.GotoAsync($"/console/{scenario.Slug}");

        var row = page.Locator($"#submission-{submissionId}");
        await Expect(row.Locator("[data-status-cell]")).ToHaveTextAsync("Failed");
        await row.Locator("button[data-redispatch]").ClickAsync();

        await Expect(row.Locator("[data-redispatch-status]")).ToHaveTextAsync("Sent to the workers again.");
        await Expect(row.Locator("[data-status-cell]")).ToHaveTextAsync("Received");
        await Expect(row.Locator("button[data-redispatch]")).ToBeHiddenAsync();
        // The workers really received it: it ends scored.
        Assert.Equal("Scored", (await scenario.Organiser.WaitForOutcomeAsync(submissionId)).GetProperty("status").GetString());
    }

    private static string FlippedLabels(int rows = 60)
    {
        var text = new StringBuilder("id,label,Usage\n");
        for (var i = 0; i < rows; i++) text.Append(CultureInfo.InvariantCulture, $"r{i},{1 - i % 2},{(i < rows * 2 / 3 ? "Public" : "Private")}\n");
        return text.ToString();
    }
}
