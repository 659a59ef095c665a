using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Api.Jobs;
using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.CodePhases;

/// <summary>The run's start and end move the submission along, once per attempt; a stuck run is sent again as a run.</summary>
public sealed class CodeRunRecordingTests : IAsyncLifetime
{
    private CodePhaseArena _arena = null!;

    public async ValueTask InitializeAsync() => _arena = await CodePhaseArena.StartAsync();

    public ValueTask DisposeAsync() => _arena.DisposeAsync();

    [Fact]
    public async Task CodeRunStarted_MovesTheSubmissionToRunning_AndTheApiSaysSo()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission());

        var row = await _arena.PublishAsync(CodeRunMessages.Started(id, 1), id, s => s.Status == SubmissionStatus.Running);

        Assert.Equal(SubmissionStatus.Running, row.Status);
        Assert.NotNull(row.StartedAt);
        var seen = await _arena.Competitor.Client.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}");
        Assert.Equal("Running", seen.GetProperty("status").GetString());
        Assert.False(seen.GetProperty("isFinished").GetBoolean());
    }

    [Fact]
    public async Task CodeRunStarted_ChangesNothing_WhenItIsOfAnOlderAttempt()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission());

        var stale = CodeRunMessages.Started(id, attempt: 0) with { StartedAt = DateTimeOffset.UnixEpoch };
        await _arena.Harness.Bus.Publish(stale);
        var current = CodeRunMessages.Started(id, attempt: 1);

        // Had the stale notice been taken, the current one could not start the run and the stale time would stand.
        var row = await _arena.PublishAsync(current, id, s => s.Status == SubmissionStatus.Running);

        Assert.Equal(current.StartedAt, row.StartedAt);
    }

    [Fact]
    public async Task CodeRunFinished_RecordsProvenance_AndARealRunWaitsForItsScore()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission());
        await _arena.PublishAsync(CodeRunMessages.Started(id, 1), id, s => s.Status == SubmissionStatus.Running);

        var row = await _arena.PublishAsync(CodeRunMessages.Finished(id, 1, smoke: false, durationMs: 30_000), id, s => s.ProvenanceJson is not null);

        Assert.Equal(SubmissionStatus.Running, row.Status);
        Assert.Equal(30_000, row.RunMilliseconds);
        Assert.Contains("sha256:runtime", row.ProvenanceJson);
        // Scoring follows on the scoring queue, as for an uploaded file.
        row = await _arena.PublishAsync(new SubmissionScoringStarted { SubmissionId = id, Attempt = 1, StartedAt = DateTimeOffset.UtcNow }, id,
            s => s.Status == SubmissionStatus.Scoring);
        Assert.Equal(SubmissionStatus.Scoring, row.Status);
        var phase = await _arena.Competitor.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/code");
        Assert.Equal(1.5, phase.GetProperty("runMinutesLeftToday").GetDouble());
    }

    [Fact]
    public async Task CodeRunFinished_EndsASmokeRunFinished_OffEveryBoard()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission(), smoke: true);

        var row = await _arena.PublishAsync(CodeRunMessages.Finished(id, 1, smoke: true), id, s => s.Status != SubmissionStatus.Received);

        Assert.Equal(SubmissionStatus.Finished, row.Status);
        Assert.False(SubmissionLifecycle.CountsOnBoard(row.Status));
        var phase = await _arena.Competitor.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/code");
        // A smoke run uses a smoke run, never run minutes.
        Assert.Equal(2, phase.GetProperty("runMinutesLeftToday").GetDouble());
        Assert.Equal(2, phase.GetProperty("smokeRunsLeftToday").GetInt32());
    }

    [Fact]
    public async Task CodeRunFinished_RejectsASmokeRun_WithTheRunsSummary_WhenItWroteNoFile()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission(), smoke: true);

        var row = await _arena.PublishAsync(CodeRunMessages.Finished(id, 1, smoke: true, succeeded: false), id, s => s.Status != SubmissionStatus.Received);

        Assert.Equal(SubmissionStatus.Rejected, row.Status);
        Assert.Contains("wrote no predictions.csv", row.Message);
    }

    [Fact]
    public async Task CodeRunFinished_RecordsProvenanceAndLog_WhenTheVerdictArrivedFirst()
    {
        // The worker publishes the run's end and its verdict one after the other; the board may take them in either order.
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission());
        await _arena.PublishAsync(CodeRunMessages.Started(id, 1), id, s => s.Status == SubmissionStatus.Running);
        await _arena.PublishAsync(new SubmissionRejected { SubmissionId = id, Attempt = 1, Reason = "wrote no predictions.csv", RejectedAt = DateTimeOffset.UtcNow },
            id, s => s.Status == SubmissionStatus.Rejected);

        var row = await _arena.PublishAsync(CodeRunMessages.Finished(id, 1, smoke: false, succeeded: false, logKey: "run.log"), id, s => s.ProvenanceJson is not null);

        Assert.NotNull(row.ProvenanceJson);
        Assert.Equal("run.log", row.LogKey);
        Assert.Equal(SubmissionStatus.Rejected, row.Status);
    }

    [Fact]
    public async Task CodeRunFinished_ChangesNothing_WhenTheSameAttemptIsReportedAgain()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission());
        await _arena.PublishAsync(CodeRunMessages.Finished(id, 1, smoke: false, predictionsSha: "first"), id, s => s.ProvenanceJson is not null);

        await _arena.Harness.Bus.Publish(CodeRunMessages.Finished(id, 1, smoke: false, durationMs: 99_000, predictionsSha: "second"));
        // Waited for by a deadline, not the harness's inactivity window, which a busy machine outlasts before the consumer runs.
        bool RepeatConsumed() => _arena.Harness.Consumed.Select<CodeRunFinished>(m => m.Context.Message.Provenance.PredictionsSha256 == "second").Any();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!RepeatConsumed() && DateTime.UtcNow < deadline) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.True(RepeatConsumed(), "The repeated notice was never consumed.");

        var row = await _arena.ReadAsync(id);
        Assert.Null(row.Reproducible);
        Assert.Contains("first", row.ProvenanceJson);
        Assert.Equal(1500, row.RunMilliseconds);
    }

    [Fact]
    public async Task RequeueJob_SendsAStuckRunAgainAsARun_OncePerAttempt()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission());
        await _arena.PublishAsync(CodeRunMessages.Started(id, 1), id, s => s.Status == SubmissionStatus.Running);
        _arena.Clock.Advance(TimeSpan.FromMinutes(3));

        var results = await Task.WhenAll(RunJobAsync(), RunJobAsync());

        Assert.Equal(1, results.Sum());
        var row = await _arena.ReadAsync(id);
        Assert.Equal(2, row.Attempt);
        Assert.Equal(SubmissionStatus.Received, row.Status);
        Assert.Single(_arena.Harness.Sent.Select<RunCodeSubmission>(m => m.Context.Message.SubmissionId == id && m.Context.Message.Attempt == 2));
        Assert.Empty(_arena.Harness.Sent.Select<ScoreSubmission>(m => m.Context.Message.SubmissionId == id));
    }

    [Fact]
    public async Task Rerun_RunsTheSameArchiveAgain_AndSaysItIsReproducible_WhenThePredictionsAreTheSame()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission(), smoke: true);
        await _arena.PublishAsync(CodeRunMessages.Finished(id, 1, smoke: true, predictionsSha: "same"), id, s => s.Status == SubmissionStatus.Finished);

        var response = await _arena.Organiser.Client.PostAsync($"/api/submissions/{id}/rerun", null);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var runs = _arena.Harness.Sent.Select<RunCodeSubmission>(m => m.Context.Message.SubmissionId == id).Select(m => m.Context.Message).ToList();
        Assert.Equal([1, 2], runs.Select(r => r.Attempt).Order());
        Assert.Single(runs.Select(r => r.ArchiveKey).Distinct());
        var row = await _arena.PublishAsync(CodeRunMessages.Finished(id, 2, smoke: true, predictionsSha: "same"), id, s => s.Reproducible is not null);
        Assert.True(row.Reproducible);
        var run = await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}/run");
        Assert.True(run.GetProperty("reproducible").GetBoolean());
        Assert.Equal("sha256:runtime", run.GetProperty("provenance").GetProperty("RuntimeIdentity").GetString());
    }

    [Fact]
    public async Task Rerun_And_Run_Answer404_WhenTheTeamAsks()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission(), smoke: true);
        await _arena.PublishAsync(CodeRunMessages.Finished(id, 1, smoke: true), id, s => s.Status == SubmissionStatus.Finished);

        var rerun = await _arena.Competitor.Client.PostAsync($"/api/submissions/{id}/rerun", null);
        var run = await _arena.Competitor.Client.GetAsync($"/api/submissions/{id}/run");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, rerun.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, run.StatusCode);
        Assert.Single(_arena.Harness.Sent.Select<RunCodeSubmission>(m => m.Context.Message.SubmissionId == id));
    }

    [Fact]
    public async Task Rerun_Answers409AndRunsNothing_WhenThePrivateBoardIsRevealed()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission());
        // A scored run on a phase whose winners are out: running it again could change them.
        await using (var scope = _arena.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
            await db.Submissions.Where(s => s.Id == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SubmissionStatus.Scored));
            await db.Phases.Where(p => p.Id == _arena.PhaseId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.PrivateRevealedAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var response = await _arena.Organiser.Client.PostAsync($"/api/submissions/{id}/rerun", null);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("revealed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var row = await _arena.ReadAsync(id);
        Assert.Equal((1, SubmissionStatus.Scored), (row.Attempt, row.Status));
        Assert.Empty(_arena.Harness.Sent.Select<RunCodeSubmission>(m => m.Context.Message.SubmissionId == id && m.Context.Message.Attempt == 2));
    }

    private async Task<int> RunJobAsync()
    {
        await using var scope = _arena.Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RequeueStuckSubmissionsJob>().RunAsync(CancellationToken.None);
    }
}
