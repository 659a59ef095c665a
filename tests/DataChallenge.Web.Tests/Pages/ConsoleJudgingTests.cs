using System.Net;
using System.Text.RegularExpressions;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>The organiser console's judging actions and audit trail over plain HTTP, and who may reach them.</summary>
public sealed partial class ConsoleJudgingTests : IAsyncDisposable
{
    private readonly ServerFactory _server = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Audit_ListsTheTrailNewestFirstWithTheActor_WhenTheOrganiserOpensIt()
    {
        var scenario = await Scenario.CreateAsync(_server);
        var organiser = await PageBrowser.SignInAsync(_server, scenario.Organiser);
        await organiser.PostFormAsync($"/console/{scenario.Slug}", $"/console/{scenario.Slug}?handler=Reveal&phaseId={scenario.PhaseId}",
            new Dictionary<string, string> { ["understood"] = "true" });

        var response = await organiser.Browser.GetAsync($"/console/{scenario.Slug}/audit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<table id=\"audit\"", html);
        var ids = AuditIds().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ids.Count >= 2, "The trail should hold the labels upload and the reveal.");
        Assert.Equal(ids.OrderByDescending(id => id), ids);
        // The newest line is the reveal, by the organiser named by address.
        var newest = html[html.IndexOf($"data-audit=\"{ids[0]}\"", StringComparison.Ordinal)..];
        newest = newest[..newest.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("board.revealed", newest);
        Assert.Contains(scenario.Organiser.Email, newest);
        Assert.Contains("labels.uploaded", html);
    }

    [Fact]
    public async Task ConsoleAndItsHandlers_AnswerNotFoundAndChangeNothing_WhenAnotherChallengesOrganiserCallsThem()
    {
        var scenario = await Scenario.CreateAsync(_server);
        await scenario.ScoreAsync(_server, "Honest team", SampleFiles.Predictions(), 1);
        var submissionId = await SubmissionIdAsync(scenario.PhaseId);
        // An organiser too, of a challenge of their own: being an organiser somewhere grants nothing here.
        var stranger = await ApiSession.RegisterAsync(_server.CreateClient());
        var theirs = await stranger.CreateChallengeAsync();
        var browser = await PageBrowser.SignInAsync(_server, stranger);
        var theirConsole = $"/console/{theirs}";

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Browser.GetAsync($"/console/{scenario.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Browser.GetAsync($"/console/{scenario.Slug}/audit")).StatusCode);
        var reveal = await browser.PostFormAsync(theirConsole, $"/console/{scenario.Slug}?handler=Reveal&phaseId={scenario.PhaseId}",
            new Dictionary<string, string> { ["understood"] = "true" });
        var invalidate = await browser.PostFormAsync(theirConsole, $"/console/{scenario.Slug}?handler=Invalidate&submissionId={submissionId}",
            new Dictionary<string, string> { ["reason"] = "Sabotage" });
        // Their own console with the other challenge's ids: the phase and submission are not theirs either.
        var crossReveal = await browser.PostFormAsync(theirConsole, $"{theirConsole}?handler=Reveal&phaseId={scenario.PhaseId}",
            new Dictionary<string, string> { ["understood"] = "true" });
        var crossInvalidate = await browser.PostFormAsync(theirConsole, $"{theirConsole}?handler=Invalidate&submissionId={submissionId}",
            new Dictionary<string, string> { ["reason"] = "Sabotage" });

        Assert.Equal(HttpStatusCode.NotFound, reveal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, invalidate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossReveal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossInvalidate.StatusCode);
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        Assert.Null((await db.Phases.SingleAsync(p => p.Id == scenario.PhaseId, TestContext.Current.CancellationToken)).PrivateRevealedAt);
        Assert.Null((await db.Submissions.SingleAsync(s => s.Id == submissionId, TestContext.Current.CancellationToken)).InvalidatedAt);
    }

    [Fact]
    public async Task Reveal_RevealsOnceWithOneAuditLine_WhenConfirmedTwice()
    {
        var scenario = await Scenario.CreateAsync(_server);
        var organiser = await PageBrowser.SignInAsync(_server, scenario.Organiser);
        var console = $"/console/{scenario.Slug}";
        var url = $"{console}?handler=Reveal&phaseId={scenario.PhaseId}";

        var unconfirmed = await organiser.PostFormAsync(console, url, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Tick the box", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Null(await RevealedAtAsync(scenario.PhaseId));

        var first = await organiser.PostFormAsync(console, url, new Dictionary<string, string> { ["understood"] = "true" });
        var revealedAt = await RevealedAtAsync(scenario.PhaseId);
        var second = await organiser.PostFormAsync(console, url, new Dictionary<string, string> { ["understood"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.NotNull(revealedAt);
        Assert.Equal(revealedAt, await RevealedAtAsync(scenario.PhaseId));
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "board.revealed" && a.Subject == $"phase:{scenario.PhaseId}",
            TestContext.Current.CancellationToken));
        var page = await organiser.Browser.GetStringAsync(console);
        Assert.Contains("Private leaderboard revealed at", page);
        Assert.DoesNotContain("handler=Reveal", page);
    }

    [Fact]
    public async Task Invalidate_IsRefusedAndChangesNothing_WhenNoReasonIsGiven()
    {
        var scenario = await Scenario.CreateAsync(_server);
        await scenario.ScoreAsync(_server, "Suspicious team", SampleFiles.Predictions(), 1);
        var submissionId = await SubmissionIdAsync(scenario.PhaseId);
        var organiser = await PageBrowser.SignInAsync(_server, scenario.Organiser);
        var console = $"/console/{scenario.Slug}";
        var url = $"{console}?handler=Invalidate&submissionId={submissionId}";

        var blank = await organiser.PostFormAsync(console, url, new Dictionary<string, string> { ["reason"] = "   " });

        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Give a reason", await blank.Content.ReadAsStringAsync());
        Assert.Null(await InvalidatedAtAsync(submissionId));
    }

    [Fact]
    public async Task Invalidate_ShowsTheEscapedReasonAndAuditsIt_WhenAReasonIsGiven()
    {
        var scenario = await Scenario.CreateAsync(_server);
        await scenario.ScoreAsync(_server, "Suspicious team", SampleFiles.Predictions(), 1);
        var submissionId = await SubmissionIdAsync(scenario.PhaseId);
        var organiser = await PageBrowser.SignInAsync(_server, scenario.Organiser);
        var console = $"/console/{scenario.Slug}";
        const string reason = "Used the <b>test</b> labels";

        var response = await organiser.PostFormAsync(console, $"{console}?handler=Invalidate&submissionId={submissionId}",
            new Dictionary<string, string> { ["reason"] = reason });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{console}#submission-{submissionId}", response.Headers.Location?.OriginalString);
        Assert.NotNull(await InvalidatedAtAsync(submissionId));
        var page = await organiser.Browser.GetStringAsync(console);
        Assert.Contains("Used the &lt;b&gt;test&lt;/b&gt; labels", page);
        Assert.DoesNotContain("<b>test</b>", page);
        Assert.DoesNotContain($"submissionId={submissionId}", page);
        var audit = await organiser.Browser.GetStringAsync($"{console}/audit");
        Assert.Contains("submission.invalidated", audit);
        Assert.Contains($"submission:{submissionId}", audit);
    }

    [Fact]
    public async Task Console_OffersToCompareTheFinalists_OnceTheBoardIsRevealed()
    {
        var scenario = await Scenario.CreateAsync(_server);
        var organiser = await PageBrowser.SignInAsync(_server, scenario.Organiser);
        var console = $"/console/{scenario.Slug}";
        var panel = $"<div class=\"finalists\" data-finalists=\"/api/phases/{scenario.PhaseId}/finalist-comparison\" hidden";
        Assert.DoesNotContain(panel, await organiser.Browser.GetStringAsync(console));

        await organiser.PostFormAsync(console, $"{console}?handler=Reveal&phaseId={scenario.PhaseId}", new Dictionary<string, string> { ["understood"] = "true" });

        var html = await organiser.Browser.GetStringAsync(console);
        Assert.Contains(panel, html);
        Assert.Contains("Compare the finalists</button>", html);
        Assert.Contains($"POST /api/phases/{scenario.PhaseId}/finalist-comparison", html);
    }

    [Fact]
    public async Task Console_HidesScriptActionsBehindANoscriptSentence_WhenServedWithoutInlineCode()
    {
        var scenario = await Scenario.CreateAsync(_server);
        var organiser = await PageBrowser.SignInAsync(_server, scenario.Organiser);

        var html = await organiser.Browser.GetStringAsync($"/console/{scenario.Slug}");

        Assert.Matches($"<div class=\"rescore\" data-rescore=\"/api/phases/{scenario.PhaseId}/rescore\" hidden", html);
        Assert.Contains($"POST /api/phases/{scenario.PhaseId}/rescore", html[html.IndexOf("<noscript>", StringComparison.Ordinal)..]);
        Assert.Contains("<script src=\"/assets/console.js\" defer></script>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("style=", html);
        var script = await organiser.Browser.GetAsync("/assets/console.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    private async Task<Guid> SubmissionIdAsync(Guid phaseId)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Submissions.Where(s => s.PhaseId == phaseId)
            .Select(s => s.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<DateTimeOffset?> RevealedAtAsync(Guid phaseId)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Phases.Where(p => p.Id == phaseId)
            .Select(p => p.PrivateRevealedAt).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<DateTimeOffset?> InvalidatedAtAsync(Guid submissionId)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Submissions.Where(s => s.Id == submissionId)
            .Select(s => s.InvalidatedAt).SingleAsync(TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("data-audit=\"(\\d+)\"")]
    private static partial Regex AuditIds();
}
