using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataChallenge.Web.Tests.Browser;

/// <summary>The closing workflow end to end: a candidate team hands in its documents in the browser, the board shows the verdict.</summary>
public sealed class ClosingJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ClosingWorkflow_ShowsVerifiedOnThePrivateBoard_WhenTheCandidateUploadsAndTheOrganiserPublishes()
    {
        fixture.RequireBrowser();
        var server = fixture.Server;
        var scenario = await Scenario.CreateAsync(server);
        var team = await ApiSession.RegisterAsync(server.CreateClient());
        var teamId = await team.JoinAsync(scenario.Slug, "Careful coders");
        await team.WaitForOutcomeAsync(await team.SubmitAsync(scenario.PhaseId, SampleFiles.Predictions()));
        await team.LeaderboardWithEntriesAsync(scenario.PhaseId, 1);
        var organiser = scenario.Organiser.Client;
        await ApiSession.EnsureAsync(await organiser.PostAsync($"/api/phases/{scenario.PhaseId}/reveal", null), "reveal");
        await ApiSession.EnsureAsync(await organiser.PostAsJsonAsync($"/api/phases/{scenario.PhaseId}/candidates",
            new { teamId, deadline = DateTimeOffset.UtcNow.AddDays(7) }), "mark the candidate");

        // The team sees the request on its challenge page and answers it there.
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, team.Email);
        await page.GotoAsync($"/challenges/{scenario.Slug}");
        var request = page.Locator($"#closing-{scenario.PhaseId}");
        await Expect(request).ToContainTextAsync("candidate winner");
        await page.SetInputFilesAsync($"#fact-sheet-{scenario.PhaseId}",
            new FilePayload { Name = "method.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes("# Our method\n\nLogistic regression.\n") });
        await request.Locator("form[action$='/fact-sheet'] button").ClickAsync();
        await Expect(request).ToContainTextAsync("Received: method.md");
        await page.SetInputFilesAsync($"#code-{scenario.PhaseId}",
            new FilePayload { Name = "code.zip", MimeType = "application/zip", Buffer = ProgramArchives.Zip(("main.py", "print('ok')\n")) });
        await request.Locator("form[action$='/code'] button").ClickAsync();
        await Expect(request).ToContainTextAsync("Received: code.zip");

        // The organiser finds both documents and publishes the verdict.
        var candidate = (await organiser.GetFromJsonAsync<JsonElement>($"/api/phases/{scenario.PhaseId}/candidates")).EnumerateArray().Single();
        Assert.Equal("method.md", candidate.GetProperty("factSheet").GetProperty("fileName").GetString());
        Assert.Equal("code.zip", candidate.GetProperty("code").GetProperty("fileName").GetString());
        await ApiSession.EnsureAsync(await organiser.PostAsJsonAsync($"/api/phases/{scenario.PhaseId}/final-ranking",
            new { verdicts = new[] { new { teamId, verdict = "verified" } } }), "publish");

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync($"/phases/{scenario.PhaseId}/leaderboard");
        var row = visitor.Locator("#private-board tbody tr", new() { HasText = "Careful coders" });
        await Expect(row.Locator("td.verdict")).ToHaveTextAsync("verified");
    }
}
