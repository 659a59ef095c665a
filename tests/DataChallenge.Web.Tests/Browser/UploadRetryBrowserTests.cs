using DataChallenge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataChallenge.Web.Tests.Browser;

/// <summary>The upload page while a service behind the platform is briefly down.</summary>
public sealed class UploadRetryBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Unavailable = """{"status":503,"title":"The platform is briefly unavailable."}""";

    [Fact]
    public async Task Submit_RetriesWithTheSameIdempotencyKey_WhenTheServerAnswers503()
    {
        fixture.RequireBrowser();
        var scenario = await Scenario.CreateAsync(fixture.Server);
        var competitor = await ApiSession.RegisterAsync(fixture.Server.CreateClient());
        await competitor.JoinAsync(scenario.Slug, "Patient people");
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, competitor.Email);
        await page.GotoAsync($"/phases/{scenario.PhaseId}/submit");

        // The first two uploads meet a 503, as during a database outage; the third goes through.
        var keys = new List<string?>();
        await page.RouteAsync("**/submissions**", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            keys.Add((await route.Request.AllHeadersAsync()).GetValueOrDefault("idempotency-key"));
            if (keys.Count > 2)
            {
                await route.ContinueAsync();
                return;
            }
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 503, ContentType = "application/problem+json", Body = Unavailable,
                Headers = new Dictionary<string, string> { ["Retry-After"] = "0" },
            });
        });

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "good.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(SampleFiles.Predictions()) });
        await page.ClickAsync("#upload button[type=submit]");

        await Expect(page.Locator("#upload-status")).ToContainTextAsync("Scored: roc_auc = 1.0000", new() { Timeout = 30_000 });
        Assert.Equal(3, keys.Count);
        Assert.False(string.IsNullOrEmpty(keys[0]));
        Assert.All(keys, key => Assert.Equal(keys[0], key));
    }
}
