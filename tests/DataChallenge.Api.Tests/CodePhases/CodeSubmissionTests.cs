using System.Net;
using System.Text;
using System.Text.Json;
using DataChallenge.Contracts;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.Messaging;
using DataChallenge.Testing;
using MassTransit.Testing;

namespace DataChallenge.Api.Tests.CodePhases;

/// <summary>A competitor's zip to a code phase: checked at the door, then sent to the code-run queue, never with the labels.</summary>
public sealed class CodeSubmissionTests : IAsyncLifetime
{
    private CodePhaseArena _arena = null!;

    public async ValueTask InitializeAsync() => _arena = await CodePhaseArena.StartAsync();

    public ValueTask DisposeAsync() => _arena.DisposeAsync();

    [Fact]
    public async Task Submit_SendsARunCommandToTheRunQueue_WhenACodePhaseGetsAZip()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission());

        var sent = Assert.Single(_arena.Harness.Sent.Select<RunCodeSubmission>(m => m.Context.Message.SubmissionId == id));
        Assert.EndsWith(QueueNames.RunCode, sent.Context.DestinationAddress!.AbsolutePath);
        var run = sent.Context.Message;
        Assert.False(run.Smoke);
        Assert.Equal(1, run.InputsVersion);
        Assert.Equal("predictions.csv", run.PredictionsFile);
        Assert.EndsWith(".zip", run.ArchiveKey);
        Assert.NotNull(run.Scoring);
        Assert.Equal(run.PredictionsKey, run.Scoring.PredictionsKey);
        Assert.Empty(_arena.Harness.Sent.Select<ScoreSubmission>(m => m.Context.Message.SubmissionId == id));
    }

    [Fact]
    public async Task RunCommand_CarriesNoLabels_AndPointsTheProgramAtInputsOnly()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission());
        var run = _arena.Harness.Sent.Select<RunCodeSubmission>(m => m.Context.Message.SubmissionId == id).Single().Context.Message;

        // The labels' bytes never travel; their key travels only in the scoring command the worker sends after the run.
        var json = JsonSerializer.Serialize(run with { Scoring = null });
        Assert.DoesNotContain("/labels/", json);
        Assert.Contains("/inputs/v1/", run.InputsPrefix);
        var labelRows = SampleFiles.Labels().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1);
        Assert.All(labelRows, row => Assert.DoesNotContain(row.Trim(), JsonSerializer.Serialize(run)));
    }

    [Fact]
    public async Task Submit_SendsASmokeRunWithoutScoring_WhenSmokeIsAsked()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission(), smoke: true);

        var run = _arena.Harness.Sent.Select<RunCodeSubmission>(m => m.Context.Message.SubmissionId == id).Single().Context.Message;
        Assert.True(run.Smoke);
        Assert.Null(run.Scoring);
        Assert.Contains("/smoke/v1/", run.InputsPrefix);
        var row = await _arena.ReadAsync(id);
        Assert.True(row.IsSmoke);
        // A smoke run takes no place of the daily or total quota.
        Assert.Null(row.QuotaSlot);
        Assert.Null(row.TotalSlot);
    }

    [Fact]
    public async Task Submit_Answers400_WhenTheFileIsNotAZip()
    {
        var response = await _arena.SubmitAsync(Encoding.UTF8.GetBytes(SampleFiles.Predictions()));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "zip");
    }

    [Fact]
    public async Task Submit_Answers400_WhenTheZipHasNoEntryPoint()
    {
        var response = await _arena.SubmitAsync(CodePhaseArena.Zip(("model.txt", "weights")));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "main.py");
    }

    [Fact]
    public async Task Submit_Accepts_WhenSubmissionYamlNamesACommand()
    {
        var response = await _arena.SubmitAsync(CodePhaseArena.Zip(("submission.yaml", "command: python3 run.py\n"), ("run.py", "print(1)")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Submit_Answers400_WhenTheZipSlipsOutOfItsFolder()
    {
        var response = await _arena.SubmitAsync(CodePhaseArena.Zip(("main.py", "print(1)"), ("../../etc/evil.py", "print(2)")));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "zip");
        Assert.Empty(_arena.Harness.Sent.Select<RunCodeSubmission>());
    }

    [Fact]
    public async Task Submit_Answers413_WhenTheArchiveIsOverThePhaseLimit()
    {
        // Random content does not deflate: the zip stays over the limit.
        var noise = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes((int)CodePhaseArena.MaxArchiveBytes * 3));
        var response = await _arena.SubmitAsync(CodePhaseArena.Zip(("main.py", "print(1)"), ("model.bin", noise)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_arena.Harness.Sent.Select<RunCodeSubmission>());
    }

    [Fact]
    public async Task Submit_Answers429_WhenTheSmokeRunsOfTheDayAreUsed()
    {
        for (var i = 0; i < 3; i++) await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission(), smoke: true);

        var response = await _arena.SubmitAsync(CodePhaseArena.GoodSubmission(), smoke: true);

        await AssertProblemAsync(response, HttpStatusCode.TooManyRequests, "smoke");
        // Smoke runs never use the real runs' quota.
        Assert.Equal(HttpStatusCode.Accepted, (await _arena.SubmitAsync(CodePhaseArena.GoodSubmission())).StatusCode);
    }

    [Fact]
    public async Task Submit_Answers429_WhenTheTeamsRunMinutesOfTheDayAreUsed()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission());
        await _arena.PublishAsync(CodeRunMessages.Finished(id, attempt: 1, smoke: false, durationMs: 150_000), id, s => s.RunMilliseconds is not null);

        var response = await _arena.SubmitAsync(CodePhaseArena.GoodSubmission());

        await AssertProblemAsync(response, HttpStatusCode.TooManyRequests, "run minutes");
        Assert.True(response.Headers.RetryAfter is not null);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentions, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
