using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Closing;

/// <summary>
/// The closing workflow refuses whoever is not meant to act: only organisers mark and publish, only the candidate team
/// hands in its documents, nothing happens before the reveal, and the deadline holds.
/// </summary>
public sealed class ClosingAttackTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;

    public async ValueTask InitializeAsync() => _arena = await JudgingArena.StartAsync();

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    private async Task RevealAsync()
        => await ApiSession.EnsureAsync(await _arena.Organiser.Client.PostAsync($"/api/phases/{_arena.PhaseId}/reveal", null), "reveal");

    private static async Task<string> TitleAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
    }

    [Fact]
    public async Task MarkCandidate_AnswersConflict_WhenThePrivateBoardIsNotRevealed()
    {
        var response = await _arena.MarkAsync(_arena.Organiser.Client, _arena.TeamAId);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("not revealed", await TitleAsync(response));
        Assert.Equal(0, await _arena.WithDbAsync(db => Task.FromResult(db.WinnerCandidates.Count())));
    }

    [Fact]
    public async Task Competitor_CannotMarkItsOwnTeamAsCandidate_WhenItPostsToTheOrganisersEndpoint()
    {
        await RevealAsync();

        var byCompetitor = await _arena.MarkAsync(_arena.TeamA.Client, _arena.TeamAId);
        var byOtherOrganiser = await _arena.MarkAsync(_arena.OtherOrganiser.Client, _arena.TeamAId);

        Assert.Equal(HttpStatusCode.NotFound, byCompetitor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherOrganiser.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _arena.TeamA.Client.GetAsync($"/api/phases/{_arena.PhaseId}/candidates")).StatusCode);
        Assert.Equal(0, await _arena.WithDbAsync(db => Task.FromResult(db.WinnerCandidates.Count())));
    }

    [Fact]
    public async Task OtherTeam_CannotUploadDocuments_WhenOnlyTheCandidateWasAsked()
    {
        await RevealAsync();
        await ApiSession.EnsureAsync(await _arena.MarkAsync(_arena.Organiser.Client, _arena.TeamAId), "mark Alpha");

        var byOtherTeam = await _arena.UploadAsync(_arena.TeamB.Client, "fact-sheet", "sheet.md", ClosingArena.FactSheet);
        var byOrganiser = await _arena.UploadAsync(_arena.Organiser.Client, "code", "code.zip", ClosingArena.Code);

        Assert.Equal(HttpStatusCode.NotFound, byOtherTeam.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOrganiser.StatusCode);
        Assert.Empty((await _arena.TeamB.Client.GetFromJsonAsync<JsonElement>("/api/closing/obligations")).EnumerateArray());
        var candidate = await _arena.WithDbAsync(db => Task.FromResult(db.WinnerCandidates.Single()));
        Assert.Null(candidate.FactSheet);
        Assert.Null(candidate.Code);
    }

    [Fact]
    public async Task Candidate_CannotUploadDocuments_WhenTheDeadlineHasPassed()
    {
        await RevealAsync();
        await ApiSession.EnsureAsync(await _arena.MarkAsync(_arena.Organiser.Client, _arena.TeamAId, TimeSpan.FromMinutes(5)), "mark Alpha");
        _arena.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await _arena.UploadAsync(_arena.TeamA.Client, "fact-sheet", "sheet.md", ClosingArena.FactSheet);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("deadline", await TitleAsync(response));
        Assert.Null((await _arena.WithDbAsync(db => Task.FromResult(db.WinnerCandidates.Single()))).FactSheet);
    }

    [Fact]
    public async Task Candidate_CannotUploadUnsafeCode_WhenTheZipEscapesItsFolder()
    {
        await RevealAsync();
        await ApiSession.EnsureAsync(await _arena.MarkAsync(_arena.Organiser.Client, _arena.TeamAId), "mark Alpha");

        var escaping = await _arena.UploadAsync(_arena.TeamA.Client, "code", "code.zip", ProgramArchives.Zip(("../../etc/cron.d/evil", "* * * * * root id\n")));
        var fakePdf = await _arena.UploadAsync(_arena.TeamA.Client, "fact-sheet", "sheet.pdf", "<script>alert(1)</script>"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, escaping.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, fakePdf.StatusCode);
        var candidate = await _arena.WithDbAsync(db => Task.FromResult(db.WinnerCandidates.Single()));
        Assert.Null(candidate.Code);
        Assert.Null(candidate.FactSheet);
    }

    [Fact]
    public async Task Competitor_CannotPublishTheFinalRanking_WhenItPostsVerdicts()
    {
        await RevealAsync();
        await ApiSession.EnsureAsync(await _arena.MarkAsync(_arena.Organiser.Client, _arena.TeamAId), "mark Alpha");

        var response = await _arena.PublishAsync(_arena.TeamA.Client, new { teamId = _arena.TeamAId, verdict = "verified" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _arena.Anonymous.GetAsync($"/api/phases/{_arena.PhaseId}/final-ranking")).StatusCode);
    }

    [Fact]
    public async Task PublishFinalRanking_AnswersBadRequest_WhenADisqualificationHasNoReason()
    {
        await RevealAsync();
        await ApiSession.EnsureAsync(await _arena.MarkAsync(_arena.Organiser.Client, _arena.TeamAId), "mark Alpha");

        var response = await _arena.PublishAsync(_arena.Organiser.Client, new { teamId = _arena.TeamAId, verdict = "disqualified" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reason", await TitleAsync(response));
    }
}
