using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Judging;

/// <summary>
/// Team A has a file that leads on the public rows but not the private ones (<c>_publicBest</c>) and one the other way
/// round (<c>_privateBest</c>); what it chooses decides its private score.
/// </summary>
public sealed class FinalsTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;
    private Guid _publicBest;
    private Guid _privateBest;
    private Guid _teamBSubmission;

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync(closesIn: TimeSpan.FromMinutes(10));
        _publicBest = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 0, privateSwaps: 4));
        _privateBest = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 3, privateSwaps: 0));
        _teamBSubmission = await _arena.ScoredAsync(_arena.TeamB, JudgingFiles.Predictions(publicSwaps: 2, privateSwaps: 2));
        await _arena.BoardRankingAsync("Alpha", "Beta");
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    private Task<HttpResponseMessage> PutAsync(ApiSession session, params Guid[] ids)
        => session.Client.PutAsJsonAsync($"/api/phases/{_arena.PhaseId}/finals", new { submissionIds = ids });

    private async Task<double> AlphaPrivateScoreAsync()
    {
        var board = await _arena.BoardAsync(_arena.Organiser.Client, "private");
        return board.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("team").GetString() == "Alpha").GetProperty("score").GetDouble();
    }

    [Fact]
    public async Task GetFinals_DefaultsToTheBestPublicOnes_WhenTheTeamChoseNone()
    {
        var finals = await _arena.TeamA.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/finals");

        Assert.True(finals.GetProperty("defaulted").GetBoolean());
        Assert.Empty(finals.GetProperty("chosen").EnumerateArray());
        Assert.Equal([_publicBest, _privateBest], finals.GetProperty("effective").EnumerateArray().Select(e => e.GetGuid()));
        // Both stand by default, so the better private one ranks the team.
        Assert.Equal(1.0, await AlphaPrivateScoreAsync());
    }

    [Fact]
    public async Task PrivateBoard_UsesTheChosenSubmission_WhenTheTeamChoseOne()
    {
        var response = await PutAsync(_arena.TeamA, _publicBest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var finals = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([_publicBest], finals.GetProperty("chosen").EnumerateArray().Select(e => e.GetGuid()));
        Assert.True(await AlphaPrivateScoreAsync() < 0.5);
    }

    [Fact]
    public async Task PutFinals_Answers400_WhenMoreThanTheLimitAreChosen()
    {
        var third = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 1));

        var response = await PutAsync(_arena.TeamA, _publicBest, _privateBest, third);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PutFinals_Answers404_WhenAnotherTeamsSubmissionIsChosen()
    {
        var response = await PutAsync(_arena.TeamB, _publicBest);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(_publicBest.ToString(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PutFinals_Answers409_WhenThePhaseHasClosed()
    {
        _arena.Clock.Advance(TimeSpan.FromMinutes(11));

        var response = await PutAsync(_arena.TeamB, _teamBSubmission);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task PutFinals_ReplacesTheEarlierChoice_WhenCalledAgain()
    {
        await PutAsync(_arena.TeamA, _publicBest);
        await PutAsync(_arena.TeamA, _privateBest);

        var finals = await _arena.TeamA.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/finals");
        Assert.Equal([_privateBest], finals.GetProperty("chosen").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(1.0, await AlphaPrivateScoreAsync());
    }
}
