using DataChallenge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataChallenge.Web.Tests.Browser;

/// <summary>Forming a team with only a browser: one creates it, another joins with the invite code.</summary>
public sealed class TeamJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TeamPage_ListsTheSecondMember_WhenSheJoinsWithTheFoundersInviteCode()
    {
        fixture.RequireBrowser();
        var scenario = await Scenario.CreateAsync(fixture.Server);
        var alice = await ApiSession.RegisterAsync(fixture.Server.CreateClient());
        var bob = await ApiSession.RegisterAsync(fixture.Server.CreateClient());
        await alice.JoinAsync(scenario.Slug, "alice");
        await bob.JoinAsync(scenario.Slug, "bob");
        var teamPath = $"/challenges/{scenario.Slug}/team";

        var alicePage = await SignedInPageAsync(alice.Email);
        await alicePage.GotoAsync($"/challenges/{scenario.Slug}");
        await alicePage.ClickAsync("a[href$='/team']");
        await alicePage.FillAsync("#Name", "Gradient Guild");
        await alicePage.ClickAsync("form[action*='handler=Create'] button");
        await Expect(alicePage.Locator("#team-heading")).ToHaveTextAsync("Gradient Guild");
        var code = await alicePage.InputValueAsync("#invite-code");

        var bobPage = await SignedInPageAsync(bob.Email);
        await bobPage.GotoAsync(teamPath);
        await bobPage.FillAsync("#InviteCode", code);
        await bobPage.ClickAsync("form[action*='handler=Join'] button");
        await Expect(bobPage.Locator("#team-heading")).ToHaveTextAsync("Gradient Guild");

        await alicePage.ReloadAsync();
        await Expect(alicePage.Locator("#members")).ToContainTextAsync(bob.Email);
        await Expect(alicePage.Locator("#members li")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(alicePage, "team");
    }

    private async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", ApiSession.Password);
        await page.ClickAsync("main button[type=submit]");
        await Expect(page.Locator("header")).ToContainTextAsync(email);
        return page;
    }
}
