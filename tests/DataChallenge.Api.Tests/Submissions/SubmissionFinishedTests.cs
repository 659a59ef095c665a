using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Submissions;

/// <summary>The API's <c>isFinished</c>, which lets clients follow a submission without knowing the state names.</summary>
public sealed class SubmissionFinishedTests
{
    [Fact]
    public async Task Submission_IsNotFinished_WhileReceived()
    {
        // No worker role: nothing scores, so the submission stays Received.
        await using var server = new ServerFactory();
        server.Settings["Roles"] = "api,leaderboard";
        var (competitor, phaseId) = await OpenPhaseAsync(server);

        var accepted = await (await competitor.SubmitRawAsync(phaseId, SampleFiles.Predictions())).Content.ReadFromJsonAsync<JsonElement>();
        var read = await ReadAsync(competitor, accepted.GetProperty("id").GetGuid());

        // Both the upload's answer, which clients start following from, and a later read say so.
        foreach (var submission in new[] { accepted, read })
        {
            Assert.Equal("Received", submission.GetProperty("status").GetString());
            Assert.False(submission.GetProperty("isFinished").GetBoolean());
        }
    }

    [Fact]
    public async Task Submission_IsFinished_OnceScoredOrRejected()
    {
        await using var server = new ServerFactory();
        var (competitor, phaseId) = await OpenPhaseAsync(server);

        var scored = await competitor.WaitForOutcomeAsync(await competitor.SubmitAsync(phaseId, SampleFiles.Predictions()));
        var rejected = await competitor.WaitForOutcomeAsync(await competitor.SubmitAsync(phaseId, SampleFiles.Predictions().Replace("r7,0.", "r7,abc0.")));

        Assert.Equal("Scored", scored.GetProperty("status").GetString());
        Assert.True(scored.GetProperty("isFinished").GetBoolean());
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.True(rejected.GetProperty("isFinished").GetBoolean());
    }

    private static async Task<(ApiSession Competitor, Guid PhaseId)> OpenPhaseAsync(ServerFactory server)
    {
        var organiser = await ApiSession.RegisterAsync(server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await organiser.CreateSamplePhaseAsync(slug);
        var competitor = await ApiSession.RegisterAsync(server.CreateClient());
        await competitor.JoinAsync(slug);
        return (competitor, phaseId);
    }

    private static async Task<JsonElement> ReadAsync(ApiSession session, Guid submissionId)
    {
        var response = await session.Client.GetAsync($"/api/submissions/{submissionId}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
