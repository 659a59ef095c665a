using System.Net;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Submissions;

/// <summary>A submission is visible to its team and the challenge's organisers; to everyone else it does not exist.</summary>
public sealed class SubmissionAccessTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private ApiSession _teamA = null!;
    private ApiSession _teamB = null!;
    private Guid _submissionId;

    public async ValueTask InitializeAsync()
    {
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await _organiser.CreateChallengeAsync();
        var phaseId = await _organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        await _organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        _teamA = await ApiSession.RegisterAsync(_server.CreateClient());
        _teamB = await ApiSession.RegisterAsync(_server.CreateClient());
        await _teamA.JoinAsync(slug, "A");
        await _teamB.JoinAsync(slug, "B");
        _submissionId = await _teamA.SubmitAsync(phaseId, SampleFiles.Predictions(swaps: 2));
        await _teamA.WaitForOutcomeAsync(_submissionId);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Get_Answers404_WhenAnotherTeamAsks()
    {
        var response = await _teamB.Client.GetAsync($"/api/submissions/{_submissionId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(_submissionId.ToString(), body);
    }

    [Fact]
    public async Task Get_AnswersTheSameAsAMissingSubmission_WhenAnotherTeamAsks()
    {
        var other = await _teamB.Client.GetAsync($"/api/submissions/{_submissionId}");
        var missing = await _teamB.Client.GetAsync($"/api/submissions/{Guid.NewGuid()}");

        Assert.Equal(missing.StatusCode, other.StatusCode);
        var otherBody = JsonDocument.Parse(await other.Content.ReadAsStringAsync()).RootElement;
        var missingBody = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement;
        // Everything but the per-request trace id is identical.
        foreach (var property in new[] { "type", "title", "status", "detail" })
            Assert.Equal(missingBody.TryGetProperty(property, out var m) ? m.ToString() : null, otherBody.TryGetProperty(property, out var o) ? o.ToString() : null);
    }

    [Fact]
    public async Task Get_Answers401_WhenAnonymous()
    {
        var response = await _server.CreateClient().GetAsync($"/api/submissions/{_submissionId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_Answers200_ForTheTeamAndTheOrganiser()
    {
        Assert.Equal(HttpStatusCode.OK, (await _teamA.Client.GetAsync($"/api/submissions/{_submissionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _organiser.Client.GetAsync($"/api/submissions/{_submissionId}")).StatusCode);
    }

    [Fact]
    public async Task Get_ShowsPublicScoresOnly_BeforeTheReveal()
    {
        var body = await (await _teamA.Client.GetAsync($"/api/submissions/{_submissionId}")).Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;

        Assert.DoesNotContain("private", body, StringComparison.OrdinalIgnoreCase);
        // The sample's swaps fall in the public rows: public AUC < 1 while the private rows alone would score 1.
        Assert.True(json.GetProperty("score").GetDouble() < 1.0);
    }

    [Fact]
    public async Task ListMine_ShowsOnlyTheCallersTeam()
    {
        var phaseId = JsonDocument.Parse(await _teamA.Client.GetStringAsync($"/api/submissions/{_submissionId}")).RootElement.GetProperty("phaseId").GetGuid();

        var mineA = JsonDocument.Parse(await _teamA.Client.GetStringAsync($"/api/phases/{phaseId}/submissions")).RootElement;
        var mineB = JsonDocument.Parse(await _teamB.Client.GetStringAsync($"/api/phases/{phaseId}/submissions")).RootElement;

        Assert.Single(mineA.EnumerateArray());
        Assert.Empty(mineB.EnumerateArray());
    }

    [Fact]
    public async Task UploadLabels_Answers404_WhenACompetitorTries()
    {
        var phaseId = JsonDocument.Parse(await _teamA.Client.GetStringAsync($"/api/submissions/{_submissionId}")).RootElement.GetProperty("phaseId").GetGuid();

        var response = await _teamA.Client.PutAsync($"/api/phases/{phaseId}/labels", new StringContent(SampleFiles.Labels()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
