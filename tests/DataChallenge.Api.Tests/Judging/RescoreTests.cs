using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Testing.Judging;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Tests.Judging;

/// <summary>
/// New labels reverse every AUC (each label flipped), so a rescore must turn the board upside down without a single
/// new submission.
/// </summary>
public sealed class RescoreTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;
    private Guid _alpha;
    private Guid _beta;

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync();
        _alpha = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 0, privateSwaps: 0));
        _beta = await _arena.ScoredAsync(_arena.TeamB, JudgingFiles.Predictions(publicSwaps: 3, privateSwaps: 2));
        await _arena.BoardRankingAsync("Alpha", "Beta");
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    private async Task<JsonElement> CompletedRescoreAsync()
        => await JudgingArena.EventuallyAsync(() => _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/rescore"),
            r => r.GetProperty("status").GetString() == "completed", "the rescoring completed");

    private static List<string?> Teams(JsonElement board) => board.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("team").GetString()).ToList();

    [Fact]
    public async Task Rescore_SwitchesTheBoardsWithoutNewSubmissions_WhenNewLabelsReverseTheOrder()
    {
        Assert.Equal(["Alpha", "Beta"], Teams(await _arena.BoardAsync(_arena.Anonymous)));
        await _arena.Organiser.UploadLabelsAsync(_arena.PhaseId, JudgingFiles.FlippedLabels());

        var started = await _arena.Organiser.Client.PostAsync($"/api/phases/{_arena.PhaseId}/rescore", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = await CompletedRescoreAsync();

        Assert.Equal(2, run.GetProperty("total").GetInt32());
        Assert.Equal(2, run.GetProperty("labelsVersion").GetInt32());
        // The switch commits in one transaction; the cached board is rebuilt just after it.
        await JudgingArena.EventuallyAsync(() => _arena.BoardAsync(_arena.Anonymous), b => Teams(b).SequenceEqual(["Beta", "Alpha"]), "Beta first");
        Assert.Equal(["Beta", "Alpha"], Teams(await _arena.BoardAsync(_arena.Organiser.Client, "private")));
        var alphaChange = run.GetProperty("rankChanges").EnumerateArray().Single(c => c.GetProperty("team").GetString() == "Alpha");
        Assert.Equal(1, alphaChange.GetProperty("publicRankBefore").GetInt32());
        Assert.Equal(2, alphaChange.GetProperty("publicRankAfter").GetInt32());

        var (submissions, scores, versions) = await _arena.WithDbAsync(async db => (
            await db.Submissions.CountAsync(s => s.PhaseId == _arena.PhaseId),
            await db.SubmissionScores.Where(s => s.SubmissionId == _alpha || s.SubmissionId == _beta).Select(s => s.LabelsVersion).ToListAsync(),
            await db.Submissions.Where(s => s.PhaseId == _arena.PhaseId).Select(s => s.ScoredLabelsVersion).ToListAsync()));
        Assert.Equal(2, submissions);
        Assert.Equal([1, 1, 2, 2], scores.Order());
        Assert.All(versions, v => Assert.Equal(2, v));
        var alpha = await _arena.TeamA.Client.GetFromJsonAsync<JsonElement>($"/api/submissions/{_alpha}");
        Assert.Equal(0.0, alpha.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Rescore_CompletesAtOnceWithNothingSent_WhenEveryScoreIsCurrent()
    {
        var started = await _arena.Organiser.Client.PostAsync($"/api/phases/{_arena.PhaseId}/rescore", null);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(0, run.GetProperty("total").GetInt32());
        Assert.Equal(["Alpha", "Beta"], Teams(await _arena.BoardAsync(_arena.Anonymous)));
    }

    [Fact]
    public async Task Rescore_IsAudited_WhenStartedAndCompleted()
    {
        await _arena.Organiser.UploadLabelsAsync(_arena.PhaseId, JudgingFiles.FlippedLabels());
        await _arena.Organiser.Client.PostAsync($"/api/phases/{_arena.PhaseId}/rescore", null);
        await CompletedRescoreAsync();

        // Reads are reported on the bus beside the scores, so they may land just after the switch.
        var audit = await JudgingArena.EventuallyAsync(() => _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{_arena.Slug}/audit"),
            a => a.EnumerateArray().Count(l => l.GetProperty("detail").GetString()!.Contains("labels v2", StringComparison.Ordinal)
                && l.GetProperty("detail").GetString()!.EndsWith("to score.", StringComparison.Ordinal)) >= 2, "the reads of v2");
        var actions = audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();

        Assert.Contains("rescore.started", actions);
        Assert.Contains("rescore.completed", actions);
        // Each rescored submission's labels read for scoring is on record, against the new version.
        Assert.Equal(2, audit.EnumerateArray().Count(a => a.GetProperty("action").GetString() == "labels.read"
            && a.GetProperty("detail").GetString()!.Contains("labels v2", StringComparison.Ordinal)
            && a.GetProperty("detail").GetString()!.EndsWith("to score.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Rescore_Answers409_WhenThePhaseHasNoLabels()
    {
        var empty = await _arena.Organiser.CreatePhaseAsync(_arena.Slug, Testing.SampleFiles.BinaryConfig);

        var response = await _arena.Organiser.Client.PostAsync($"/api/phases/{empty}/rescore", new StringContent("", Encoding.UTF8));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
