using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Core.Submissions;
using DataChallenge.Testing.Judging;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Tests.Judging;

/// <summary>Baselines, hidden and anonymised boards, invalidation, re-dispatch and the full submission list.</summary>
public sealed class OrganiserControlsTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;
    private Guid _alpha;
    private Guid _beta;

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync();
        _alpha = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 0));
        _beta = await _arena.ScoredAsync(_arena.TeamB, JudgingFiles.Predictions(publicSwaps: 3));
        await _arena.BoardRankingAsync("Alpha", "Beta");
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    private Task<JsonElement> BoardWhereAsync(HttpClient client, Func<JsonElement, bool> condition, string what)
        => JudgingArena.EventuallyAsync(() => _arena.BoardAsync(client), condition, what);

    private static List<string?> Teams(JsonElement board) => board.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("team").GetString()).ToList();

    [Fact]
    public async Task Invalidate_RemovesTheTeamFromTheBoardAndKeepsTheReason_WhenAnOrganiserInvalidates()
    {
        var response = await _arena.Organiser.Client.PostAsJsonAsync($"/api/submissions/{_alpha}/invalidate", new { reason = "Hand-labelled test rows." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await BoardWhereAsync(_arena.Anonymous, b => Teams(b).SequenceEqual(["Beta"]), "Alpha off the board");
        var mine = await _arena.TeamA.Client.GetFromJsonAsync<JsonElement>($"/api/submissions/{_alpha}");
        Assert.True(mine.GetProperty("invalidated").GetBoolean());
        // Still Scored: the slot it used stays used.
        Assert.Equal("Scored", mine.GetProperty("status").GetString());
        var audit = await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{_arena.Slug}/audit");
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "submission.invalidated"
            && a.GetProperty("detail").GetString() == "Hand-labelled test rows." && a.GetProperty("subject").GetString() == $"submission:{_alpha}");
    }

    [Fact]
    public async Task Invalidate_Answers400_WhenNoReasonIsGiven()
    {
        var response = await _arena.Organiser.Client.PostAsJsonAsync($"/api/submissions/{_alpha}/invalidate", new { reason = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Baseline_ShowsTheOrganisersSubmissionBesideTheRanking_WhenMarked()
    {
        await _arena.Organiser.JoinAsync(_arena.Slug, "Organisers");
        var baseline = await _arena.ScoredAsync(_arena.Organiser, JudgingFiles.Predictions(publicSwaps: 1));

        var response = await _arena.Organiser.Client.PostAsJsonAsync($"/api/submissions/{baseline}/baseline", new { isBaseline = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The board follows the organiser's score and then its marking: wait for the marking to reach the rows too.
        var board = await BoardWhereAsync(_arena.Anonymous, b => b.GetProperty("baselines").GetArrayLength() == 1
            && Teams(b).SequenceEqual(["Alpha", "Beta"]), "one baseline, beside the two teams");
        Assert.Equal([1, 2], board.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal(baseline, board.GetProperty("baselines")[0].GetProperty("submissionId").GetGuid());
        Assert.True((await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/submissions/{baseline}")).GetProperty("isBaseline").GetBoolean());
    }

    [Fact]
    public async Task Baseline_Answers409_WhenTheSubmissionIsACompetitors()
    {
        var response = await _arena.Organiser.Client.PostAsJsonAsync($"/api/submissions/{_beta}/baseline", new { isBaseline = true });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task BoardSettings_HideTheRowsFromCompetitorsButNotOrganisers_WhenHidden()
    {
        var response = await _arena.Organiser.Client.PutAsJsonAsync($"/api/phases/{_arena.PhaseId}/board-settings", new { hidden = true, anonymise = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hidden = await BoardWhereAsync(_arena.TeamA.Client, b => b.GetProperty("hidden").GetBoolean(), "the hidden board");
        Assert.Empty(hidden.GetProperty("rows").EnumerateArray());
        Assert.Equal(["Alpha", "Beta"], Teams(await _arena.BoardAsync(_arena.Organiser.Client)));
    }

    [Fact]
    public async Task BoardSettings_ReplaceTeamNames_WhenAnonymised()
    {
        await _arena.Organiser.Client.PutAsJsonAsync($"/api/phases/{_arena.PhaseId}/board-settings", new { hidden = false, anonymise = true });

        var board = await BoardWhereAsync(_arena.Anonymous, b => b.GetProperty("anonymised").GetBoolean(), "the anonymised board");
        Assert.Equal(["Team 1", "Team 2"], Teams(board));
        Assert.DoesNotContain(_arena.TeamAId.ToString(), board.ToString());
        Assert.Equal(["Alpha", "Beta"], Teams(await _arena.BoardAsync(_arena.Organiser.Client)));
    }

    [Fact]
    public async Task Redispatch_ScoresAFailedSubmissionAgain_WhenAnOrganiserAsks()
    {
        // A platform failure, as the worker would report it when storage or labels were unreadable.
        await _arena.WithDbAsync(db => db.Submissions.Where(s => s.Id == _beta)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SubmissionStatus.Failed).SetProperty(s => s.PublicScore, (double?)null)));

        var response = await _arena.Organiser.Client.PostAsync($"/api/submissions/{_beta}/redispatch", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outcome = await _arena.TeamB.WaitForOutcomeAsync(_beta);
        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        Assert.Equal(2, await _arena.WithDbAsync(db => db.Submissions.Where(s => s.Id == _beta).Select(s => s.Attempt).FirstAsync()));
    }

    [Fact]
    public async Task Redispatch_Answers409_WhenTheSubmissionHasNotFailed()
    {
        var response = await _arena.Organiser.Client.PostAsync($"/api/submissions/{_beta}/redispatch", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task ListAll_ShowsEveryTeamWithPrivateScores_WhenAnOrganiserAsks()
    {
        var all = await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/submissions/all");

        Assert.Equal(new[] { _alpha, _beta }.Order(), all.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).Order());
        Assert.All(all.EnumerateArray(), s => Assert.True(s.TryGetProperty("privateScore", out _)));
    }

    [Fact]
    public async Task Audit_RecordsTheLabelsUploadAndEveryWorkerRead_WhenSubmissionsAreScored()
    {
        // Reads are reported on the bus beside the score, so the last one may land just after the status moves.
        var audit = await JudgingArena.EventuallyAsync(() => _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{_arena.Slug}/audit"),
            a => a.EnumerateArray().Count(l => l.GetProperty("detail").GetString()!.EndsWith("to score.", StringComparison.Ordinal)) >= 2, "both reads");
        var lines = audit.EnumerateArray().ToList();

        Assert.Contains(lines, a => a.GetProperty("action").GetString() == "labels.uploaded" && a.GetProperty("detail").GetString()!.StartsWith("Hidden labels v1", StringComparison.Ordinal));
        foreach (var id in new[] { _alpha, _beta })
            Assert.Contains(lines, a => a.GetProperty("action").GetString() == "labels.read" && a.GetProperty("subject").GetString() == $"submission:{id}"
                && a.GetProperty("detail").GetString()!.Contains("labels v1", StringComparison.Ordinal));
    }
}
