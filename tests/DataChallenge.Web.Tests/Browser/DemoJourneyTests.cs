using DataChallenge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataChallenge.Web.Tests.Browser;

/// <summary>The server as `dotnet run` starts it: the demo challenge seeded on the embedded defaults.</summary>
public sealed class DemoBrowserFixture() : BrowserFixture(demo: true);

/// <summary>A newcomer with only a browser goes through the demo challenge from sign-up to the leaderboard.</summary>
public sealed class DemoJourneyTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    private const string DemoSlug = "readmission-30d";
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 60_000 };

    [Fact]
    public async Task DemoChallenge_IsUsableEndToEnd_WhenANewcomerHasOnlyABrowser()
    {
        fixture.RequireBrowser();
        var page = await fixture.NewPageAsync();
        await WaitForTheDemoAsync(page);

        // Sign up, confirm the address with the link of the mail, sign in, and come back to the challenge.
        await page.ClickAsync("text=Sign in to join this challenge.");
        await page.ClickAsync("main a[href^='/account/signup']");
        await BrowserFixture.SignUpAsync(page, $"newcomer-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync($"/challenges/{DemoSlug}");

        // Join: a team name, and the terms when the challenge has some.
        await page.FillAsync("#NewTeamName", "Newcomers");
        var terms = page.Locator("form input[type=checkbox][name=AcceptedTermsVersion]");
        if (await terms.CountAsync() > 0) await terms.CheckAsync();
        await page.ClickAsync("form button:has-text('Join this challenge')");

        // The public data can now be downloaded; the sample submission is a valid file to start from.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#data a:has-text('sample_submission.csv')"));
        var sample = await download.PathAsync();
        Assert.True(new FileInfo(sample).Length > 0);

        var phaseLink = page.Locator("a[href$='/submit']").First;
        await phaseLink.ClickAsync();
        await page.SetInputFilesAsync("#file", sample);
        await page.ClickAsync("#upload button[type=submit]");
        await Expect(page.Locator("#upload-status")).ToContainTextAsync("Scored", Patiently);

        // The new team is on the public board beside the demo's competitors.
        await page.GotoAsync(page.Url.Replace("/submit", "/leaderboard", StringComparison.Ordinal));
        await Expect(page.Locator("#board tbody")).ToContainTextAsync("Newcomers", Patiently);
        Assert.True(await page.Locator("#board tbody tr").CountAsync() > 1);
        await BrowserFixture.ScreenshotAsync(page, "demo-leaderboard");
    }

    // The demo is seeded once the server listens; its page appears a moment later.
    private static async Task WaitForTheDemoAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var response = await page.GotoAsync($"/challenges/{DemoSlug}");
            if (response is { Ok: true }) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The demo challenge did not appear within two minutes (last status {response?.Status}).");
            await Task.Delay(1000);
        }
    }
}
