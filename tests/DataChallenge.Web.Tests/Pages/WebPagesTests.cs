using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>The pages over plain HTTP: headers, anti-forgery, escaping, language, and what the public may see.</summary>
public sealed class WebPagesTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private HttpClient _visitor = null!;

    public ValueTask InitializeAsync()
    {
        _visitor = _server.CreateClient(new() { AllowAutoRedirect = false });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Index_CarriesAStrictContentSecurityPolicy_WhenServed()
    {
        var response = await _visitor.GetAsync("/");

        response.EnsureSuccessStatusCode();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task SignIn_IsRefused_WhenTheAntiforgeryTokenIsMissing()
    {
        await ApiSession.RegisterAsync(_server.CreateClient(), "forged@example.org");

        var response = await _visitor.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "forged@example.org", ["Password"] = ApiSession.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_SetsTheSessionCookie_WhenTheFormCarriesItsToken()
    {
        await ApiSession.RegisterAsync(_server.CreateClient(), "genuine@example.org");
        var browser = _server.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/account/signin");

        var response = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "genuine@example.org", ["Password"] = ApiSession.Password, ["__RequestVerificationToken"] = TokenIn(form),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("genuine@example.org", await browser.GetStringAsync("/"));
    }

    [Fact]
    public async Task ChallengePage_JoinsWithoutRevealingTheAddress_WhenNoTeamNameIsGiven()
    {
        var scenario = await Scenario.CreateAsync(_server);
        var browser = await SignedInBrowserAsync("private.person@example.org");
        var page = await browser.GetStringAsync($"/challenges/{scenario.Slug}");

        var response = await browser.PostAsync($"/challenges/{scenario.Slug}?handler=Join", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewTeamName"] = "", ["__RequestVerificationToken"] = TokenIn(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var team = Regex.Match(await browser.GetStringAsync($"/challenges/{scenario.Slug}"), "You take part as team ([^.<]+)\\.").Groups[1].Value;
        Assert.StartsWith("Team ", team, StringComparison.Ordinal);
        Assert.DoesNotContain("private", team, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Submit predictions", await browser.GetStringAsync($"/challenges/{scenario.Slug}"));
    }

    [Fact]
    public async Task Console_RedirectsToSignIn_WhenTheVisitorIsAnonymous()
    {
        var response = await _visitor.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaderboard_ShowsAScriptTeamNameAsText_WhenATeamCarriesOne()
    {
        const string payload = "<script>alert('owned')</script>";
        var scenario = await Scenario.CreateAsync(_server);
        await scenario.ScoreAsync(_server, payload, SampleFiles.Predictions(), 1);

        var html = await _visitor.GetStringAsync($"/phases/{scenario.PhaseId}/leaderboard");

        Assert.DoesNotContain(payload, html);
        Assert.Contains("&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task ChallengePage_RendersMarkdownWithoutRawHtml_WhenTheDescriptionCarriesScripts()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var description = "Intro with **bold**.\n\n<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)>";
        await ApiSession.EnsureAsync(await organiser.Client.PostAsJsonAsync("/api/challenges", new { slug = "markdown-check", title = "Markdown", description }), "create");

        var html = await _visitor.GetStringAsync("/challenges/markdown-check");

        Assert.Contains("<strong>bold</strong>", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public async Task Index_IsInFrench_WhenTheBrowserAsksForFrench()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9,en;q=0.5");

        var html = await (await _visitor.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("Aucun pour le moment.", html);
        Assert.Contains("Se connecter", html);
    }

    [Fact]
    public async Task Index_IsInFrench_WhenTheLanguageSwitchWasUsed()
    {
        var browser = _server.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var token = TokenIn(await browser.GetStringAsync("/"));

        var response = await browser.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "fr", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Aller au contenu", await browser.GetStringAsync("/"));
    }

    [Fact]
    public async Task BoardShortAddress_LeadsToTheLeaderboardPage_WhenFollowed()
    {
        var phaseId = Guid.NewGuid();

        var response = await _visitor.GetAsync($"/board/{phaseId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/phases/{phaseId}/leaderboard", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LeaderboardCsv_ListsTheRankedTeams_WhenScoresExist()
    {
        var scenario = await Scenario.CreateAsync(_server);
        await scenario.ScoreAsync(_server, "Second, with a comma", SampleFiles.Predictions(swaps: 6), 1);
        await scenario.ScoreAsync(_server, "=cmd()", SampleFiles.Predictions(), 2);

        var response = await _visitor.GetAsync($"/phases/{scenario.PhaseId}/leaderboard?handler=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("rank,team,score,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1,'=cmd(),1,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,\"Second, with a comma\",", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaderboardPage_ShowsNoPrivateScore_WhenThePrivateSplitScoresDifferently()
    {
        var scenario = await Scenario.CreateAsync(_server);
        var competitor = await scenario.ScoreAsync(_server, "Split personality", PublicPerfectPrivateInverted(), 1);

        var html = await _visitor.GetStringAsync($"/phases/{scenario.PhaseId}/leaderboard");
        var stream = await ReadLiveOnceAsync(scenario.PhaseId);

        await using var scope = _server.Services.CreateAsyncScope();
        var submission = await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Submissions.SingleAsync(s => s.PhaseId == scenario.PhaseId);
        Assert.Equal(1.0, submission.PublicScore);
        Assert.Equal(0.0, submission.PrivateScore);
        Assert.Contains(1.0.ToString("0.0000", CultureInfo.InvariantCulture), html);
        Assert.DoesNotContain("0.0000", html);
        Assert.DoesNotContain("private", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("private", stream, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Split personality", stream);
        Assert.NotNull(competitor);
    }

    [Fact]
    public async Task TeamPage_ShowsTheRankFalling_WhenAnotherTeamOvertakes()
    {
        var scenario = await Scenario.CreateAsync(_server);
        await scenario.ScoreAsync(_server, "Leaders for a while", SampleFiles.Predictions(swaps: 5), 1);
        await scenario.ScoreAsync(_server, "Overtakers", SampleFiles.Predictions(), 2);
        var board = await scenario.Organiser.LeaderboardAsync(scenario.PhaseId);
        var overtaken = board.GetProperty("rows")[1].GetProperty("teamId").GetGuid();

        var team = await _visitor.GetStringAsync($"/phases/{scenario.PhaseId}/teams/{overtaken}");
        var leaderboard = await _visitor.GetStringAsync($"/phases/{scenario.PhaseId}/leaderboard");

        Assert.Contains("Leaders for a while", team);
        Assert.Contains("<svg class=\"chart\"", team);
        var ranks = System.Text.RegularExpressions.Regex.Matches(team, "<td class=\"num\">(\\d+)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["1", "2"], ranks);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(leaderboard, "<circle ").Count);
    }

    /// <summary>Every public row ranked perfectly, every private row ranked backwards: AUC 1 public, 0 private.</summary>
    private static string PublicPerfectPrivateInverted()
    {
        var text = new StringBuilder("id,label\n");
        for (var i = 0; i < 60; i++)
        {
            var positive = i % 2 == 1;
            var isPublic = i < 40;
            var score = positive == isPublic ? 0.9 : 0.1;
            text.Append(CultureInfo.InvariantCulture, $"r{i},{score}\n");
        }
        return text.ToString();
    }

    private async Task<string> ReadLiveOnceAsync(Guid phaseId)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await _visitor.GetAsync($"/api/phases/{phaseId}/leaderboard/live", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var text = new StringBuilder();
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.Length == 0 && text.Length > 0) break;
            text.AppendLine(line);
        }
        return text.ToString();
    }

    private async Task<HttpClient> SignedInBrowserAsync(string email)
    {
        await ApiSession.RegisterAsync(_server.CreateClient(), email);
        var browser = _server.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/account/signin");
        await ApiSession.EnsureAsync(await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = ApiSession.Password, ["__RequestVerificationToken"] = TokenIn(form),
        })), "sign in", HttpStatusCode.Redirect);
        return browser;
    }

    private static string TokenIn(string html)
    {
        const string marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }
}
