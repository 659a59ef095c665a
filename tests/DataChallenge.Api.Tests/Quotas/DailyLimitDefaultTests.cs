using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Quotas;

/// <summary>Unlimited uploads make probing the public split cheap: a phase gets a daily limit unless its organiser lifts it.</summary>
public sealed class DailyLimitDefaultTests : IAsyncLifetime
{
    private ChallengeStage _stage = null!;

    public async ValueTask InitializeAsync() => _stage = await ChallengeStage.StartAsync();

    public ValueTask DisposeAsync() => _stage.DisposeAsync();

    private async Task<JsonElement> PhaseAsync(Guid phaseId) => await _stage.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}");

    [Fact]
    public async Task Submit_Answers429AfterFiveUploads_WhenTheOrganiserSetNoDailyLimit()
    {
        var phaseId = await _stage.Organiser.CreateSamplePhaseAsync(_stage.Slug);
        var team = await ApiSession.RegisterAsync(_stage.Server.CreateClient());
        await team.JoinAsync(_stage.Slug);
        for (var i = 0; i < 5; i++) await team.SubmitAsync(phaseId, SampleFiles.Predictions(swaps: i));

        var sixth = await team.SubmitRawAsync(phaseId, SampleFiles.Predictions(swaps: 5));

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal(5, (await PhaseAsync(phaseId)).GetProperty("maxSubmissionsPerDay").GetInt32());
    }

    [Fact]
    public async Task CreatePhase_HasNoDailyLimit_WhenTheOrganiserAsksForUnlimited()
    {
        var phaseId = await _stage.Organiser.CreatePhaseAsync(_stage.Slug, SampleFiles.BinaryConfig, unlimitedSubmissionsPerDay: true);

        Assert.Equal(JsonValueKind.Null, (await PhaseAsync(phaseId)).GetProperty("maxSubmissionsPerDay").ValueKind);
    }

    [Fact]
    public async Task CreatePhase_AnswersBadRequest_WhenALimitAndUnlimitedAreBothGiven()
    {
        var response = await _stage.Organiser.Client.PostAsJsonAsync($"/api/challenges/{_stage.Slug}/phases", new
        {
            name = "Main", scoringConfig = JsonDocument.Parse(SampleFiles.BinaryConfig).RootElement, maxSubmissionsPerDay = 3, unlimitedSubmissionsPerDay = true,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
