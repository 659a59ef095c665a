using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataChallenge.Api.Tests.Boards;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Exports;

/// <summary>
/// What a team gets back of its own submissions (the file, its note) and the organisers' export of every submission;
/// nobody else sees either.
/// </summary>
public sealed class SubmissionFilesTests : IAsyncLifetime
{
    private const string Note = "gradient boosting, \"v2\", =SUM(A1)";
    private JudgingArena _arena = null!;
    private Guid _alpha;
    private readonly string _alphaFile = JudgingFiles.Predictions(publicSwaps: 1);

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync();
        _alpha = await SubmitWithNoteAsync(_arena.TeamA, _alphaFile, "../My best; run (1).csv", Note);
        Assert.Equal("Scored", (await _arena.TeamA.WaitForOutcomeAsync(_alpha)).GetProperty("status").GetString());
        await _arena.ScoredAsync(_arena.TeamB, JudgingFiles.Predictions(publicSwaps: 3));
        await _arena.BoardRankingAsync("Alpha", "Beta");
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    private async Task<Guid> SubmitWithNoteAsync(ApiSession session, string csv, string fileName, string note)
    {
        using var form = new MultipartFormDataContent { { new StringContent(note), "note" } };
        form.Add(new StringContent(csv, Encoding.UTF8, "text/csv"), "file", fileName);
        var response = await session.Client.PostAsync($"/api/phases/{_arena.PhaseId}/submissions", form);
        await ApiSession.EnsureAsync(response, "submit with a note", HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task SubmissionFile_ComesBackAsASafelyNamedAttachment_ForItsTeam()
    {
        var response = await _arena.TeamA.Client.GetAsync($"/api/submissions/{_alpha}/file", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_alphaFile, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("My_best__run__1_.csv", disposition.FileName?.Trim('"'));
    }

    [Fact]
    public async Task OtherTeam_CannotDownloadAFile_ItDidNotSubmit()
    {
        var response = await _arena.TeamB.Client.GetAsync($"/api/submissions/{_alpha}/file", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("r0,", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_IsShownToTheTeamAndOrganisers_AndOnNoBoard()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var own = await _arena.TeamA.Client.GetFromJsonAsync<JsonElement>($"/api/submissions/{_alpha}", cancellationToken);
        var mine = await _arena.TeamA.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/submissions", cancellationToken);
        var all = await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/submissions/all", cancellationToken);

        Assert.Equal(Note, own.GetProperty("note").GetString());
        Assert.Equal(Note, mine[0].GetProperty("note").GetString());
        Assert.Contains(all.EnumerateArray(), s => s.GetProperty("note").GetString() == Note);
        Assert.Equal(HttpStatusCode.NotFound, (await _arena.TeamB.Client.GetAsync($"/api/submissions/{_alpha}", cancellationToken)).StatusCode);
        Assert.DoesNotContain("gradient boosting", await _arena.Anonymous.GetStringAsync($"/api/phases/{_arena.PhaseId}/leaderboard", cancellationToken));
        Assert.DoesNotContain("gradient boosting", await _arena.Anonymous.GetStringAsync($"/phases/{_arena.PhaseId}/leaderboard", cancellationToken));
        Assert.DoesNotContain("gradient boosting", await _arena.TeamB.Client.GetStringAsync($"/phases/{_arena.PhaseId}/leaderboard?handler=csv", cancellationToken));
    }

    [Fact]
    public async Task Submit_AnswersBadRequest_WhenTheNoteIsTooLong()
    {
        using var form = new MultipartFormDataContent { { new StringContent(new string('n', 501)), "note" } };
        form.Add(new StringContent(JudgingFiles.Predictions(), Encoding.UTF8, "text/csv"), "file", "p.csv");

        var response = await _arena.TeamB.Client.PostAsync($"/api/phases/{_arena.PhaseId}/submissions", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Export_ParsesBackWithEveryMetricOnEverySplitTheHashAndTheNote_ForOrganisers()
    {
        var response = await _arena.Organiser.Client.GetAsync($"/api/phases/{_arena.PhaseId}/submissions/export", TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = CsvTable.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        foreach (var column in new[] { "team", "user", "received_at", "file_name", "sha256", "status", "public_roc_auc", "public_log_loss",
                     "private_roc_auc", "private_log_loss", "all_roc_auc", "all_log_loss", "note", "final" })
            Assert.Contains(column, csv.Header);
        Assert.Equal(2, csv.Rows.Count);
        var alpha = csv.Rows.Single(r => r["submission_id"] == _alpha.ToString());
        Assert.Equal("Alpha", alpha["team"]);
        Assert.Equal(_arena.TeamA.Email, alpha["user"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_alphaFile))), alpha["sha256"]);
        Assert.Equal(Note, alpha["note"]);
        Assert.Equal("Scored", alpha["status"]);
        var stored = await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/submissions/{_alpha}", TestContext.Current.CancellationToken);
        Assert.Equal(stored.GetProperty("privateScore").GetDouble(), CsvTable.Number(alpha["private_roc_auc"])!.Value, 4);
        // One swapped public pair: its positive falls below all 20 negatives, its negative above the 19 other positives.
        Assert.Equal(1.0 - 39.0 / 400, CsvTable.Number(alpha["public_roc_auc"])!.Value, 12);
    }

    [Fact]
    public async Task Export_AnswersNotFound_ForACompetitor()
    {
        var response = await _arena.TeamA.Client.GetAsync($"/api/phases/{_arena.PhaseId}/submissions/export", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
