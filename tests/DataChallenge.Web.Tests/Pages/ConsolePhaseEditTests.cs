using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>The console's phase edit page over plain HTTP: the same rules and audit lines as the API, and who may reach it.</summary>
public sealed class ConsolePhaseEditTests : IAsyncDisposable
{
    private readonly ServerFactory _server = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task EditPage_ChangesTheRulesTheApiServesAndAudits_WhenTheOrganiserSaves()
    {
        var scenario = await Scenario.CreateAsync(_server);
        var organiser = await PageBrowser.SignInAsync(_server, scenario.Organiser);
        var page = EditPage(scenario);
        Assert.Contains($"href=\"{page}\"", await organiser.Browser.GetStringAsync($"/console/{scenario.Slug}"));

        var fields = Fields("Renamed phase");
        fields["Form.MaxSubmissionsPerDay"] = "3";
        fields["Form.MaxSubmissionsTotal"] = "";
        fields["Form.BoardHidden"] = "true";
        fields["Form.ScoreDecimals"] = "2";
        var response = await organiser.PostFormAsync(page, page, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var phase = await scenario.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{scenario.PhaseId}", TestContext.Current.CancellationToken);
        Assert.Equal("Renamed phase", phase.GetProperty("name").GetString());
        Assert.Equal(3, phase.GetProperty("maxSubmissionsPerDay").GetInt32());
        Assert.Equal(JsonValueKind.Null, phase.GetProperty("maxSubmissionsTotal").ValueKind);
        Assert.Equal(7, phase.GetProperty("maxRejectedPerDay").GetInt32());
        Assert.Equal(20L * 1024 * 1024, phase.GetProperty("maxFileBytes").GetInt64());
        var stored = await StoredPhaseAsync(scenario.PhaseId);
        Assert.True(stored.BoardHidden);
        Assert.Equal(2, stored.ScoreDecimals);
        var actions = await AuditActionsAsync(scenario.PhaseId);
        Assert.Contains("phase.updated", actions);
        Assert.Contains("board.settings", actions);
    }

    [Theory]
    [InlineData("Form.ClosesAt", "2026-01-01T00:00", "A phase must close after it opens.")]
    [InlineData("Form.MaxSubmissionsPerDay", "-1", "A submission limit is at least 1; leave it out for no limit.")]
    [InlineData("Form.ScoreDecimals", "11", "scoreDecimals is between 0 and 10.")]
    [InlineData("Form.ScoringConfig", "{\"task_type\":\"nonsense\"}", "The scoring configuration is not valid")]
    public async Task EditPage_AnswersBadRequestWithTheMessageAndChangesNothing_WhenAValueBreaksARule(string field, string value, string message)
    {
        var scenario = await Scenario.CreateAsync(_server);
        var organiser = await PageBrowser.SignInAsync(_server, scenario.Organiser);
        var before = await StoredPhaseAsync(scenario.PhaseId);
        var fields = Fields("Should not be saved");
        fields[field] = value;

        var response = await organiser.PostFormAsync(EditPage(scenario), EditPage(scenario), fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(message, html);
        var after = await StoredPhaseAsync(scenario.PhaseId);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.MaxSubmissionsPerDay, after.MaxSubmissionsPerDay);
        Assert.Equal(before.ScoreDecimals, after.ScoreDecimals);
        Assert.Equal(before.ScoringConfig, after.ScoringConfig);
        Assert.DoesNotContain("phase.updated", await AuditActionsAsync(scenario.PhaseId));
    }

    [Fact]
    public async Task EditPage_ShowsTheRuleInFrench_WhenTheBrowserAsksForFrench()
    {
        var scenario = await Scenario.CreateAsync(_server);
        var organiser = await PageBrowser.SignInAsync(_server, scenario.Organiser);
        organiser.Browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var fields = Fields("Phase");
        fields["Form.MaxFinalSubmissions"] = "0";

        var response = await organiser.PostFormAsync(EditPage(scenario), EditPage(scenario), fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Au moins une soumission finale doit être permise.", html);
    }

    [Fact]
    public async Task EditPageAndItsPost_AnswerNotFoundAndChangeNothing_WhenAnotherChallengesOrganiserCallsThem()
    {
        var scenario = await Scenario.CreateAsync(_server);
        var stranger = await ApiSession.RegisterAsync(_server.CreateClient());
        var theirs = await stranger.CreateChallengeAsync();
        var browser = await PageBrowser.SignInAsync(_server, stranger);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Browser.GetAsync(EditPage(scenario), TestContext.Current.CancellationToken)).StatusCode);
        // Their own challenge's address with the other challenge's phase: the phase is not theirs either.
        Assert.Equal(HttpStatusCode.NotFound,
            (await browser.Browser.GetAsync($"/console/{theirs}/phases/{scenario.PhaseId}", TestContext.Current.CancellationToken)).StatusCode);
        var post = await browser.PostFormAsync($"/console/{theirs}", EditPage(scenario), Fields("Hijacked"));
        var crossPost = await browser.PostFormAsync($"/console/{theirs}", $"/console/{theirs}/phases/{scenario.PhaseId}", Fields("Hijacked"));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossPost.StatusCode);
        Assert.Equal("Main", (await StoredPhaseAsync(scenario.PhaseId)).Name);
    }

    private static string EditPage(Scenario scenario) => $"/console/{scenario.Slug}/phases/{scenario.PhaseId}";

    private static Dictionary<string, string> Fields(string name) => new()
    {
        ["Form.Name"] = name,
        ["Form.OpensAt"] = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        ["Form.ClosesAt"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        ["Form.MaxFileMegabytes"] = "20",
        ["Form.MaxSubmissionsPerDay"] = "",
        ["Form.MaxSubmissionsTotal"] = "10",
        ["Form.MaxRejectedPerDay"] = "7",
        ["Form.MaxFinalSubmissions"] = "2",
        ["Form.ScoringConfig"] = SampleFiles.BinaryConfig,
        ["Form.ScoreDecimals"] = "4",
        ["Form.LadderMargin"] = "",
    };

    private async Task<Core.Challenges.Phase> StoredPhaseAsync(Guid phaseId)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        return await db.Phases.AsNoTracking().SingleAsync(p => p.Id == phaseId, TestContext.Current.CancellationToken);
    }

    private async Task<List<string>> AuditActionsAsync(Guid phaseId)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var subject = $"phase:{phaseId}";
        return await db.AuditEntries.AsNoTracking().Where(a => a.Subject == subject).Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
    }
}
