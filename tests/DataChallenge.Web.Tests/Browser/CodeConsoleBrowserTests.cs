using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataChallenge.Web.Tests.Browser;

/// <summary>A code phase in the organiser console: its hidden inputs versions, its runs with their logs, and a re-run.</summary>
public sealed class CodeConsoleBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string TeamName = "Log writers";
    private const string LogText = "loaded 3 admissions from the hidden inputs";

    [Fact]
    public async Task CodeConsole_ShowsInputsVersionRunAndLog_AndRerunsAFinishedRun()
    {
        fixture.RequireBrowser();
        var (scenario, runId) = await CodePhaseWithFinishedRunAsync();
        var page = await OrganiserPageAsync(scenario, $"/console/{scenario.Slug}");
        await page.ClickAsync($"#phase-{scenario.PhaseId} a[href$='/code']");

        var version = page.Locator("table[data-inputs-versions] tr[data-version='1']");
        await Expect(version).ToContainTextAsync("current");
        await Expect(version.Locator("td").Nth(3)).ToHaveTextAsync("2");
        await Expect(version.Locator("td").Nth(1)).ToContainTextAsync("UTC");
        var row = page.Locator($"#run-{runId}");
        await Expect(row).ToContainTextAsync(TeamName);
        await Expect(row.Locator("[data-status-cell]")).ToHaveTextAsync("Scored");
        await Expect(row).ToContainTextAsync("12.5 s");
        await Expect(row).ToContainTextAsync("same predictions");

        var log = row.Locator("a[data-log]");
        await Expect(log).ToHaveAttributeAsync("target", "_blank");
        var tab = await page.Context.RunAndWaitForPageAsync(() => log.ClickAsync());
        await tab.WaitForLoadStateAsync();
        Assert.Contains(LogText, await tab.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        await row.Locator("button[data-rerun]").ClickAsync();
        await Expect(row.Locator("[data-rerun-status]")).ToHaveTextAsync("Running again: attempt 2.");
        await Expect(row.Locator("[data-attempt-cell]")).ToHaveTextAsync("2");
        await Expect(row.Locator("button[data-rerun]")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-code-runs");
    }

    [Fact]
    public async Task Rerun_ShowsTheRefusalInWords_WhenTheRunIsUnderWayAgain()
    {
        fixture.RequireBrowser();
        var (scenario, runId) = await CodePhaseWithFinishedRunAsync();
        var page = await OrganiserPageAsync(scenario, $"/console/{scenario.Slug}/phases/{scenario.PhaseId}/code");
        // Sent again elsewhere after this page was read: the api refuses with 409.
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
            await db.Submissions.Where(s => s.Id == runId).ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SubmissionStatus.Running),
                TestContext.Current.CancellationToken);
        }
        var row = page.Locator($"#run-{runId}");

        await row.Locator("button[data-rerun]").ClickAsync();

        await Expect(row.Locator("[data-rerun-status]")).ToContainTextAsync("still on its way");
        await Expect(row.Locator("[data-rerun-status]")).ToHaveAttributeAsync("data-state", "error");
        await Expect(row.Locator("[data-attempt-cell]")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task CodeConsole_ShowsNothing_WhenACompetitorOpensItsAddress()
    {
        fixture.RequireBrowser();
        var (scenario, _) = await CodePhaseWithFinishedRunAsync();
        var competitor = await ApiSession.RegisterAsync(fixture.Server.CreateClient());
        await competitor.JoinAsync(scenario.Slug);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, competitor.Email);

        var response = await page.GotoAsync($"/console/{scenario.Slug}/phases/{scenario.PhaseId}/code");

        Assert.Equal(404, response!.Status);
        var content = await page.ContentAsync();
        Assert.DoesNotContain(TeamName, content, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-inputs/versions", content, StringComparison.Ordinal);
        Assert.DoesNotContain("/log", content, StringComparison.Ordinal);
    }

    private async Task<IPage> OrganiserPageAsync(Scenario scenario, string address)
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, scenario.Organiser.Email);
        await page.GotoAsync(address);
        return page;
    }

    /// <summary>A code phase with one hidden inputs version of two files, and a run that ended scored with a log, as a worker leaves it.</summary>
    private async Task<(Scenario Scenario, Guid RunId)> CodePhaseWithFinishedRunAsync()
    {
        var scenario = await Scenario.CreateAsync(fixture.Server);
        var organiser = scenario.Organiser.Client;
        await ApiSession.EnsureAsync(await organiser.PutAsJsonAsync($"/api/phases/{scenario.PhaseId}/code", new { runtime = "python" }), "make a code phase");
        var zip = new ByteArrayContent(ProgramArchives.Zip(("person.csv", "person_id\n1\n"), ("visit.csv", "visit_id\n7\n")));
        zip.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        await ApiSession.EnsureAsync(await organiser.PutAsync($"/api/phases/{scenario.PhaseId}/hidden-inputs", zip), "upload the hidden inputs");
        var competitor = await ApiSession.RegisterAsync(fixture.Server.CreateClient());
        var teamId = await competitor.JoinAsync(scenario.Slug, TeamName);

        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IObjectStore>();
        var bucket = scope.ServiceProvider.GetRequiredService<IOptions<ObjectStoreOptions>>().Value.Buckets.Submissions;
        var runId = Guid.NewGuid();
        var logKey = $"phases/{scenario.PhaseId:N}/logs/{runId:N}-1.txt";
        using (var log = new MemoryStream(Encoding.UTF8.GetBytes(LogText)))
            await store.PutAsync(bucket, logKey, log, log.Length, "text/plain", TestContext.Current.CancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var now = DateTimeOffset.UtcNow;
        db.Submissions.Add(new Submission
        {
            Id = runId, PhaseId = scenario.PhaseId, TeamId = teamId, UserId = db.Participants.Where(p => p.TeamId == teamId).Select(p => p.UserId).First(),
            FileName = "code.zip", ObjectKey = $"phases/{scenario.PhaseId:N}/code/{runId:N}.zip", Sha256 = new string('0', 64), SizeBytes = 1,
            ReceivedAt = now, QuotaDay = DateOnly.FromDateTime(now.UtcDateTime), DispatchedAt = now, FinishedAt = now,
            Status = SubmissionStatus.Scored, PublicScore = 0.9, LogKey = logKey, RunMilliseconds = 12_500, Reproducible = true,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (scenario, runId);
    }
}
