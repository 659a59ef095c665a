using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Submissions;

/// <summary>The spine on embedded defaults: register, create, upload labels, join, submit, scored, ranked.</summary>
public sealed class SubmissionFlowTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private string _slug = "";
    private Guid _phaseId;

    public async ValueTask InitializeAsync()
    {
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _slug = await _organiser.CreateChallengeAsync();
        _phaseId = await _organiser.CreatePhaseAsync(_slug, SampleFiles.BinaryConfig, maxFileBytes: 10_000);
        await _organiser.UploadLabelsAsync(_phaseId, SampleFiles.Labels());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Submit_IsScoredAndRanked_WhenTheFileIsValid()
    {
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        var teamId = await competitor.JoinAsync(_slug, "Perfect predictors");

        var submissionId = await competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        var outcome = await competitor.WaitForOutcomeAsync(submissionId);

        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        Assert.Equal(1.0, outcome.GetProperty("score").GetDouble());
        Assert.Equal("roc_auc", outcome.GetProperty("primaryMetric").GetString());
        var board = await competitor.LeaderboardWithEntriesAsync(_phaseId, 1);
        var row = Assert.Single(board.GetProperty("rows").EnumerateArray());
        Assert.Equal(teamId, row.GetProperty("teamId").GetGuid());
        Assert.Equal("Perfect predictors", row.GetProperty("team").GetString());
        Assert.Equal(1, row.GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Leaderboard_ShowsTheBootstrapInterval_AfterTheScore()
    {
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(_slug);
        await competitor.WaitForOutcomeAsync(await competitor.SubmitAsync(_phaseId, SampleFiles.Predictions(swaps: 4)));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement row;
        do
        {
            row = (await competitor.LeaderboardWithEntriesAsync(_phaseId, 1)).GetProperty("rows")[0];
            if (row.GetProperty("intervalLower").ValueKind == JsonValueKind.Number) break;
            await Task.Delay(50);
        } while (DateTime.UtcNow < deadline);

        var score = row.GetProperty("score").GetDouble();
        Assert.InRange(score, row.GetProperty("intervalLower").GetDouble(), row.GetProperty("intervalUpper").GetDouble());
        Assert.True(row.GetProperty("intervalUpper").GetDouble() - row.GetProperty("intervalLower").GetDouble() > 0);
    }

    [Fact]
    public async Task Submit_IsRejectedWithLineAndColumn_WhenAValueIsNotANumber()
    {
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(_slug);
        var broken = SampleFiles.Predictions().Replace("r7,0.", "r7,abc0.");

        var outcome = await competitor.WaitForOutcomeAsync(await competitor.SubmitAsync(_phaseId, broken));

        Assert.Equal("Rejected", outcome.GetProperty("status").GetString());
        var message = outcome.GetProperty("message").GetString()!;
        Assert.Contains("line", message);
        Assert.Contains("label", message);
        Assert.Empty((await competitor.LeaderboardAsync(_phaseId)).GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task Leaderboard_KeepsTheBestSubmissionPerTeam_AndSharesRanksOnEqualScores()
    {
        var first = await ApiSession.RegisterAsync(_server.CreateClient());
        var second = await ApiSession.RegisterAsync(_server.CreateClient());
        await first.JoinAsync(_slug, "First");
        await second.JoinAsync(_slug, "Second");

        await first.WaitForOutcomeAsync(await first.SubmitAsync(_phaseId, SampleFiles.Predictions(swaps: 3)));
        await first.WaitForOutcomeAsync(await first.SubmitAsync(_phaseId, SampleFiles.Predictions()));
        await first.WaitForOutcomeAsync(await first.SubmitAsync(_phaseId, SampleFiles.Predictions(swaps: 5)));
        await second.WaitForOutcomeAsync(await second.SubmitAsync(_phaseId, SampleFiles.Predictions()));

        var rows = (await first.LeaderboardWithEntriesAsync(_phaseId, 4)).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(1.0, r.GetProperty("score").GetDouble()));
        Assert.All(rows, r => Assert.Equal(1, r.GetProperty("rank").GetInt32()));
        // Equal scores: the earlier submission is listed first.
        Assert.Equal("First", rows[0].GetProperty("team").GetString());
        Assert.Equal(3, rows[0].GetProperty("entries").GetInt32());
    }

    [Fact]
    public async Task Submit_Answers413_WhenTheFileExceedsThePhaseLimit()
    {
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(_slug);

        var response = await competitor.SubmitRawAsync(_phaseId, new string('x', 20_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var mine = await competitor.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_phaseId}/submissions");
        Assert.Empty(mine.EnumerateArray());
    }

    [Fact]
    public async Task Submit_Answers403_WhenTheCallerHasNotJoined()
    {
        var stranger = await ApiSession.RegisterAsync(_server.CreateClient());

        var response = await stranger.SubmitRawAsync(_phaseId, SampleFiles.Predictions());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Submit_Answers401_WhenAnonymous()
    {
        var response = await _server.CreateClient().PostAsync($"/api/phases/{_phaseId}/submissions", new StringContent("id,label\n"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Submit_AcceptsAMultipartForm_AsBrowsersSendIt()
    {
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(_slug);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(SampleFiles.Predictions()), "file", "my predictions.csv" },
        };

        var response = await competitor.Client.PostAsync($"/api/phases/{_phaseId}/submissions", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("my predictions.csv", body.GetProperty("fileName").GetString());
        Assert.Equal("Scored", (await competitor.WaitForOutcomeAsync(body.GetProperty("id").GetGuid())).GetProperty("status").GetString());
    }
}
