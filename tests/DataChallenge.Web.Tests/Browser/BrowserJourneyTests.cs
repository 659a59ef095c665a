using System.Net.Http.Json;
using DataChallenge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataChallenge.Web.Tests.Browser;

/// <summary>What spectators, competitors and organisers do with only a browser.</summary>
public sealed class BrowserJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string DropFile = """
        csv => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([csv], 'good.csv', { type: 'text/csv' }));
            document.querySelector('[data-dropzone]').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
        """;

    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task Leaderboard_ShowsANewScoreWithoutReload_WhenItIsRecorded()
    {
        fixture.RequireBrowser();
        var scenario = await Scenario.CreateAsync(fixture.Server);
        await scenario.ScoreAsync(fixture.Server, "Early birds", SampleFiles.Predictions(swaps: 8), 1);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/phases/{scenario.PhaseId}/leaderboard");
        await Expect(page.Locator("#board tbody")).ToContainTextAsync("Early birds");
        // A marker that a reload would erase.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await page.WaitForTimeoutAsync(500);

        await scenario.ScoreAsync(fixture.Server, "Late arrivals", SampleFiles.Predictions(), 2);

        var first = page.Locator("#board tbody tr").First;
        await Expect(first).ToContainTextAsync("Late arrivals", Patiently);
        // The highlight lasts a few seconds, so it is looked for while it shows rather than after.
        await Expect(page.Locator("#board tbody tr.moved").First).ToContainTextAsync("Late arrivals", Patiently);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        await BrowserFixture.ScreenshotAsync(page, "leaderboard");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "leaderboard-phone");
        await page.SetViewportSizeAsync(1200, 900);
        await page.GotoAsync($"/challenges/{scenario.Slug}");
        await BrowserFixture.ScreenshotAsync(page, "challenge");
        await page.GotoAsync("/");
        await BrowserFixture.ScreenshotAsync(page, "challenges");
    }

    [Fact]
    public async Task Submit_ShowsTheLineAndColumn_WhenTheFileIsBrokenThenTheScore_WhenItIsFixed()
    {
        fixture.RequireBrowser();
        var scenario = await Scenario.CreateAsync(fixture.Server);
        var competitor = await ApiSession.RegisterAsync(fixture.Server.CreateClient());
        await competitor.JoinAsync(scenario.Slug, "Careful coders");
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, competitor.Email);
        await page.GotoAsync($"/phases/{scenario.PhaseId}/submit");

        var broken = SampleFiles.Predictions().Replace("r7,0.", "r7,abc0.");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "broken.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(broken) });
        await page.ClickAsync("#upload button[type=submit]");
        var status = page.Locator("#upload-status");
        await Expect(status).ToContainTextAsync("Rejected", Patiently);
        await Expect(status).ToContainTextAsync("line");
        await Expect(status).ToContainTextAsync("column");
        await BrowserFixture.ScreenshotAsync(page, "submit-rejected");

        // The good file arrives by drag and drop onto the drop zone.
        await page.EvaluateAsync(DropFile, SampleFiles.Predictions());
        await page.ClickAsync("#upload button[type=submit]");
        await Expect(status).ToContainTextAsync("Scored: roc_auc = 1.0000", Patiently);

        // The list below the form is brought up to date without a reload.
        var mine = page.Locator("#mine tbody");
        await Expect(mine.Locator("tr")).ToHaveCountAsync(2);
        await Expect(mine).ToContainTextAsync("good.csv");
        await Expect(mine).ToContainTextAsync("1.0000");
        await BrowserFixture.ScreenshotAsync(page, "submit-scored");
    }

    [Fact]
    public async Task Console_CreatesAChallengeAndAPhase_WhenAnOrganiserFillsTheForms()
    {
        fixture.RequireBrowser();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/signup");
        await BrowserFixture.SignUpAsync(page, $"organiser-{Guid.NewGuid():N}@example.org");

        await page.GotoAsync("/console");
        var slug = $"browser-{Guid.NewGuid():N}"[..24];
        await page.FillAsync("#Title", "Made in a browser");
        await page.FillAsync("#Slug", slug);
        await page.FillAsync("#Description", "Predict **everything**.");
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Made in a browser");
        Assert.EndsWith($"/console/{slug}", page.Url, StringComparison.Ordinal);

        await page.FillAsync("#NewPhase_Name", "Warm-up");
        await page.ClickAsync("text=Add the phase");
        await Expect(page.Locator("#phases article")).ToContainTextAsync("Warm-up");
        await Expect(page.Locator("#phases article")).ToContainTextAsync("roc_auc");

        await page.SetInputFilesAsync("#phases article input[type=file]", new FilePayload { Name = "labels.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(SampleFiles.Labels()) });
        await page.ClickAsync("text=Upload the labels");
        await Expect(page.Locator("#phases article")).ToContainTextAsync("version 1", Patiently);
        await BrowserFixture.ScreenshotAsync(page, "console");

        await page.GotoAsync($"/challenges/{slug}");
        await Expect(page.Locator(".prose strong")).ToHaveTextAsync("everything");
    }

    [Fact]
    public async Task Leaderboard_RendersAScriptTeamNameAsText_WhenServedAndWhenPushedLive()
    {
        fixture.RequireBrowser();
        // Short enough that it and its " bis" twin stay within the 60 characters a team name may have.
        const string payload = "<img src=x onerror=pwned=1><script>pwned=2</script>";
        var scenario = await Scenario.CreateAsync(fixture.Server);
        await scenario.ScoreAsync(fixture.Server, payload, SampleFiles.Predictions(swaps: 10), 1);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/phases/{scenario.PhaseId}/leaderboard");
        await Expect(page.Locator("#board tbody")).ToContainTextAsync(payload);

        // The pushed board is drawn by script: the name must stay text there too.
        await scenario.ScoreAsync(fixture.Server, payload + " bis", SampleFiles.Predictions(), 2);
        await Expect(page.Locator("#board tbody tr").First).ToContainTextAsync(payload + " bis", Patiently);

        Assert.Equal(0, await page.Locator("#board img, #board script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
    }

    [Fact]
    public async Task Pages_SwitchToFrench_WhenTheVisitorChoosesFrench()
    {
        fixture.RequireBrowser();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.ClickAsync("button[value=fr]");
        await Expect(page.Locator("main")).ToContainTextAsync("Aucun pour le moment.");
        await Expect(page.Locator("header")).ToContainTextAsync("Se connecter");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await BrowserFixture.ScreenshotAsync(page, "challenges-fr");
    }

    [Fact]
    public async Task Registration_WaitsForApprovalThenAllowsSubmitting_WhenTheChallengeHasTermsAndApproval()
    {
        fixture.RequireBrowser();
        var scenario = await Scenario.CreateAsync(fixture.Server);
        await ApiSession.EnsureAsync(await scenario.Organiser.Client.PutAsJsonAsync($"/api/challenges/{scenario.Slug}",
            new { title = "Approved entrants only", description = "Rules first.", visibility = "public", requiresApproval = true, maxTeamSize = (int?)null }), "update");
        await ApiSession.EnsureAsync(await scenario.Organiser.Client.PostAsJsonAsync($"/api/challenges/{scenario.Slug}/terms",
            new { text = "Use the data for **research** only." }), "publish terms");
        var competitor = await ApiSession.RegisterAsync(fixture.Server.CreateClient());

        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, competitor.Email);
        await page.GotoAsync($"/challenges/{scenario.Slug}");
        await Expect(page.Locator("#terms")).ToContainTextAsync("research");
        await page.FillAsync("#NewTeamName", "Patient people");
        await page.CheckAsync("input[name=AcceptedTermsVersion]");
        await page.ClickAsync("text=Join this challenge");
        await Expect(page.Locator("[data-block=pending]").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "registration-pending");

        var console = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(console, scenario.Organiser.Email);
        await console.GotoAsync($"/console/{scenario.Slug}#participants");
        await Expect(console.Locator("#participants tbody")).ToContainTextAsync("Patient people");
        await BrowserFixture.ScreenshotAsync(console, "console-participants");
        await console.ClickAsync("#participants button:has-text('Approve')");
        await Expect(console.Locator("#participants tr[data-status=approved]")).ToHaveCountAsync(1);

        await page.GotoAsync($"/phases/{scenario.PhaseId}/submit");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "good.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(SampleFiles.Predictions()) });
        await page.ClickAsync("#upload button[type=submit]");
        await Expect(page.Locator("#upload-status")).ToContainTextAsync("Scored", Patiently);
        await BrowserFixture.ScreenshotAsync(page, "registration-approved-submitted");
    }
}
