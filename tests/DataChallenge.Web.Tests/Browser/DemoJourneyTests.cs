using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        var (affiliation, agreement) = await AskQuestionsAsync();

        // Sign up, confirm the address with the link of the mail, sign in, and come back to the challenge.
        await page.ClickAsync("text=Sign in to join this challenge.");
        await page.ClickAsync("main a[href^='/account/signup']");
        await BrowserFixture.SignUpAsync(page, $"newcomer-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync($"/challenges/{DemoSlug}");

        // Join: a team name, and the terms when the challenge has some.
        await page.FillAsync("#NewTeamName", "Newcomers");
        var terms = page.Locator("form input[type=checkbox][name=AcceptedTermsVersion]");
        if (await terms.CountAsync() > 0) await terms.CheckAsync();
        // The organisers' questions: the page does not join until the required agreement is ticked.
        await page.FillAsync($"#answer-{affiliation}", "Newcomer University");
        await page.ClickAsync("form button:has-text('Join this challenge')");
        Assert.True(await page.Locator($"#answer-{agreement}").EvaluateAsync<bool>("box => box.validity.valueMissing"));
        await Expect(page.Locator("form button:has-text('Join this challenge')")).ToBeVisibleAsync();
        await page.CheckAsync($"#answer-{agreement}");
        await page.ClickAsync("form button:has-text('Join this challenge')");
        await Expect(page.Locator("main")).ToContainTextAsync("You take part as team Newcomers");
        Assert.Equal("Newcomer University", await AnswerAsync(affiliation));

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

    [Fact]
    public async Task DemoChallenge_ScoresTheBaselineCodeSubmission_WhenTheServerStarts()
    {
        fixture.RequireBrowser();
        Bubblewrap.Require();
        var page = await fixture.NewPageAsync();
        await WaitForTheDemoAsync(page);
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        // The challenge is public as soon as its first phase is saved; the code phase is seeded after the demo's uploads.
        var phase = await WaitForTheCodePhaseAsync(db);
        // The starting kit is a public file of the challenge, beside the tables.
        await page.ReloadAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("starting-kit.zip");
        Assert.NotNull(phase.Code);
        Assert.Equal(1, phase.Code.InputsVersion);
        Assert.Equal(1, phase.Code.SmokeDataVersion);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        DataChallenge.Core.Submissions.Submission? run;
        do
        {
            await Task.Delay(500);
            run = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.PhaseId == phase.Id);
        }
        while (run is null || (DataChallenge.Core.Submissions.SubmissionLifecycle.IsUnfinished(run.Status) && DateTime.UtcNow < deadline));
        Assert.True(run.Status == DataChallenge.Core.Submissions.SubmissionStatus.Scored, $"{run.Status}: {run.Message}");
        Assert.Equal("starting-kit.zip", run.FileName);
        // Better than chance: the baseline's model reads the hidden OMOP tables, not noise.
        Assert.InRange(run.PublicScore!.Value, 0.55, 1.0);
    }

    // The organisers ask for an affiliation and a data-use agreement, as a health-data challenge would.
    private async Task<(Guid Affiliation, Guid Agreement)> AskQuestionsAsync()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var challengeId = await db.Challenges.Where(c => c.Slug == DemoSlug).Select(c => c.Id).SingleAsync();
        var affiliation = RegistrationQuestions.Add(db, challengeId, [], "affiliation", "Affiliation", required: true, null, DateTimeOffset.UtcNow);
        var agreement = RegistrationQuestions.Add(db, challengeId, [affiliation], "agreement", "I will use the data for this challenge only.", false, null,
            DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return (affiliation.Id, agreement.Id);
    }

    private async Task<string?> AnswerAsync(Guid questionId)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        return await db.RegistrationAnswers.Where(a => a.QuestionId == questionId).Select(a => a.Value).SingleOrDefaultAsync();
    }

    // The demo is seeded once the server listens; its page appears a moment later.
    private static async Task<Phase> WaitForTheCodePhaseAsync(DataChallengeDbContext db)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var phase = await db.Phases.AsNoTracking().SingleOrDefaultAsync(p => p.Challenge!.Slug == DemoSlug && p.Name == "Code phase");
            if (phase is not null) return phase;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The demo's code phase was not seeded within two minutes.");
            await Task.Delay(500);
        }
    }

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
