using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace DataChallenge.Web.Tests.Browser;

/// <summary>The demo on a host that may not run code (Sandbox:Kind=None, as on a machine without bubblewrap).</summary>
public sealed class DemoWithoutSandboxFixture : BrowserFixture
{
    public DemoWithoutSandboxFixture()
        : base(demo: true) => Server.Settings["Sandbox:Kind"] = "None";
}

public sealed class DemoWithoutSandboxTests(DemoWithoutSandboxFixture fixture) : IClassFixture<DemoWithoutSandboxFixture>
{
    [Fact]
    public async Task CodePhasePage_SaysWhyAndHowToEnable_WhenThisHostCannotRunCode()
    {
        fixture.RequireBrowser();
        var page = await fixture.NewPageAsync();
        Guid phaseId;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            await using var scope = fixture.Server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
            var found = await db.Phases.AsNoTracking().Where(p => p.Name == "Code phase").Select(p => (Guid?)p.Id).SingleOrDefaultAsync();
            // The prediction phase's demo teams are seeded first: the code phase last, so when it exists the seeding is done.
            if (found is { } id)
            {
                phaseId = id;
                Assert.False(await db.Submissions.AnyAsync(s => s.PhaseId == id), "no code submission is queued where code cannot run");
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "The demo's code phase did not appear within two minutes.");
            await Task.Delay(500);
        }

        // A demo competitor signs in with the published demo password.
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#Email", "baseline@demo.example.org");
        await page.FillAsync("#Password", new DataChallenge.Server.Demo.DemoOptions().Password);
        await page.ClickAsync("main button[type=submit]");
        await page.GotoAsync($"/phases/{phaseId}/submit");

        var notice = page.Locator("#code-unavailable");
        await Expect(notice).ToContainTextAsync("cannot run code");
        await Expect(notice).ToContainTextAsync("Sandbox:Kind is None");
        await Expect(notice).ToContainTextAsync("apt-get install bubblewrap");
        await BrowserFixture.ScreenshotAsync(page, "demo-code-phase-without-sandbox");
    }
}
