using System.Net;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>Organisers ask registration questions in the console; the join form asks them; only organisers see the answers.</summary>
public sealed class RegistrationQuestionPageTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private Scenario _scenario = null!;
    private PageBrowser _organiser = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await Scenario.CreateAsync(_server);
        _organiser = await PageBrowser.SignInAsync(_server, _scenario.Organiser);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task JoinForm_RefusesNamingTheQuestion_WhenTheAgreementIsNotTicked()
    {
        var console = $"/console/{_scenario.Slug}/registrations";
        await AddQuestionAsync("affiliation", "Affiliation", required: true);
        await AddQuestionAsync("agreement", "I will not share the data.");
        var competitor = await PageBrowser.SignUpAsync(_server);
        var questions = await _scenario.Organiser.Client.GetStringAsync($"/api/challenges/{_scenario.Slug}/registration-questions");
        var ids = System.Text.Json.JsonDocument.Parse(questions).RootElement.EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToList();

        var form = await competitor.Browser.GetStringAsync($"/challenges/{_scenario.Slug}");
        var refused = await competitor.PostFormAsync($"/challenges/{_scenario.Slug}", $"/challenges/{_scenario.Slug}?handler=Join",
            new() { ["NewTeamName"] = "Page team", [$"Answers[{ids[0]}]"] = "Hospital" });
        var joined = await competitor.PostFormAsync($"/challenges/{_scenario.Slug}", $"/challenges/{_scenario.Slug}?handler=Join",
            new() { ["NewTeamName"] = "Page team", [$"Answers[{ids[0]}]"] = "Hospital", [$"Answers[{ids[1]}]"] = "yes" });
        var answers = await _organiser.Browser.GetStringAsync(console);

        Assert.Contains("I will not share the data.", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"Answers[{ids[1]}]\"", form, StringComparison.Ordinal);
        Assert.Contains("Answer the question &#x27;I will not share the data.&#x27;.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Contains(competitor.Api.Email, answers, StringComparison.Ordinal);
        Assert.Contains("<td>Hospital</td>", answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleRegistrations_Answers404_WhenAParticipantOpensIt()
    {
        var competitor = await PageBrowser.SignUpAsync(_server);
        await competitor.Api.JoinAsync(_scenario.Slug);

        Assert.Equal(HttpStatusCode.NotFound, (await competitor.Browser.GetAsync($"/console/{_scenario.Slug}/registrations")).StatusCode);
    }

    [Fact]
    public async Task AdministratorsPage_GrantsAConfirmedAddress_AndIsMissingForOthers()
    {
        await using (var scope = _server.Services.CreateAsyncScope())
            await PlatformAdministrators.GrantAsync(scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>(), _scenario.Organiser.Email, CancellationToken.None);
        var colleague = await PageBrowser.SignUpAsync(_server);
        var unconfirmed = await ApiSession.RegisterAsync(_server.CreateClient(), confirmAddress: false);

        var beforeGrant = await colleague.Browser.GetAsync("/admin/administrators");
        var refused = await _organiser.PostFormAsync("/admin/administrators", "/admin/administrators?handler=Grant", new() { ["Email"] = unconfirmed.Email });
        var granted = await _organiser.PostFormAsync("/admin/administrators", "/admin/administrators?handler=Grant", new() { ["Email"] = colleague.Api.Email });
        var afterGrant = await colleague.Browser.GetStringAsync("/admin/administrators");

        Assert.Equal(HttpStatusCode.NotFound, beforeGrant.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("No account has confirmed this address.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Contains($"data-administrator=\"{_scenario.Organiser.Email}\"", afterGrant, StringComparison.Ordinal);
    }

    private async Task AddQuestionAsync(string kind, string prompt, bool required = false)
    {
        var console = $"/console/{_scenario.Slug}/registrations";
        var fields = new Dictionary<string, string> { ["NewQuestion.Kind"] = kind, ["NewQuestion.Prompt"] = prompt };
        if (required) fields["NewQuestion.Required"] = "true";
        await ApiSession.EnsureAsync(await _organiser.PostFormAsync(console, console + "?handler=Add", fields), "add a question", HttpStatusCode.Redirect);
    }
}
