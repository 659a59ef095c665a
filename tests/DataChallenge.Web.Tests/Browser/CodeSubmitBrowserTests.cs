using System.Net.Http.Headers;
using System.Net.Http.Json;
using DataChallenge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataChallenge.Web.Tests.Browser;

/// <summary>A competitor sends code to a code phase from the browser and watches it queue, run and end.</summary>
public sealed class CodeSubmitBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string SmokeGreeting = "hello from the smoke run";
    private const string HiddenGreeting = "hidden rows could be printed here";
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 60_000 };

    [Fact]
    public async Task Submit_ShowsRunningThenTheScore_WhenACodeZipIsUploaded()
    {
        fixture.RequireBrowser();
        Bubblewrap.Require();
        var page = await OpenCodePhaseAsync();
        await Expect(page.Locator("#file")).ToHaveAttributeAsync("accept", ".zip,application/zip");
        await Expect(page.Locator("#file-hint")).ToContainTextAsync("64 KB");
        await Expect(page.Locator("#code-quota")).ToContainTextAsync("5 of 5 run minutes left today");
        await Expect(page.Locator("#code-quota")).ToContainTextAsync("3 of 3 smoke runs left today");

        await UploadAsync(page, Baseline(HiddenGreeting));

        var status = page.Locator("#upload-status");
        await Expect(status).ToContainTextAsync("Running:", Patiently);
        await Expect(status).ToContainTextAsync("Scored: roc_auc = 1.0000", Patiently);
        // A run on the hidden data may print hidden rows: its log is never shown to the team.
        await Expect(page.Locator("#run-log")).ToBeHiddenAsync();
        Assert.DoesNotContain(HiddenGreeting, await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "submit-code-scored");
    }

    [Fact]
    public async Task Submit_ShowsTheSmokeRunsLog_WhenTheSmokeRunFinishes()
    {
        fixture.RequireBrowser();
        Bubblewrap.Require();
        var page = await OpenCodePhaseAsync();

        await page.CheckAsync("#smoke");
        await UploadAsync(page, Baseline(SmokeGreeting));

        await Expect(page.Locator("#upload-status")).ToContainTextAsync("Finished", Patiently);
        await Expect(page.Locator("#run-log")).ToContainTextAsync(SmokeGreeting, Patiently);
        await BrowserFixture.ScreenshotAsync(page, "submit-code-smoke");
    }

    private async Task<IPage> OpenCodePhaseAsync()
    {
        var scenario = await Scenario.CreateAsync(fixture.Server);
        var organiser = scenario.Organiser.Client;
        await ApiSession.EnsureAsync(await organiser.PutAsJsonAsync($"/api/phases/{scenario.PhaseId}/code",
            new { runtime = "python", maxArchiveBytes = 64 * 1024, runMinutesPerDay = 5, smokeRunsPerDay = 3 }), "make a code phase");
        await ApiSession.EnsureAsync(await organiser.PutAsync($"/api/phases/{scenario.PhaseId}/hidden-inputs",
            ZipContent(ProgramArchives.Zip(("person.csv", "person_id\n1\n")))), "upload the hidden inputs");
        await ApiSession.EnsureAsync(await organiser.PutAsync($"/api/phases/{scenario.PhaseId}/smoke-data",
            ZipContent(ProgramArchives.Zip(("person.csv", "person_id\n900\n")))), "upload the smoke data");
        var competitor = await ApiSession.RegisterAsync(fixture.Server.CreateClient());
        await competitor.JoinAsync(scenario.Slug, "Code runners");
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, competitor.Email);
        await page.GotoAsync($"/phases/{scenario.PhaseId}/submit");
        await Expect(page.Locator("h1")).ToContainTextAsync("Submit code");
        return page;
    }

    private static async Task UploadAsync(IPage page, byte[] zip)
    {
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "baseline.zip", MimeType = "application/zip", Buffer = zip });
        await page.ClickAsync("#upload button[type=submit]");
    }

    // Sleeps long enough for the page to see the run as Running, prints a line, then writes perfect predictions.
    private static byte[] Baseline(string greeting) => ProgramArchives.Zip(("main.py", $"""
        import time
        time.sleep(2)
        print({System.Text.Json.JsonSerializer.Serialize(greeting)})
        open('/app/output/predictions.csv', 'w').write({System.Text.Json.JsonSerializer.Serialize(SampleFiles.Predictions())})
        """));

    private static ByteArrayContent ZipContent(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }
}
