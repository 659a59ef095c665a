using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DataChallenge.Api.Jobs;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Worker.Tests;

/// <summary>
/// A program that runs longer than the stuck threshold holds its submission through the worker's lease, and runs on
/// a queue of its own so it never holds up built-in scoring.
/// </summary>
public sealed class LongProgramLeaseTests : IAsyncLifetime
{
    private const string SlowProgram = """
        import json, os, sys, time
        time.sleep(6)
        with open(os.path.join(sys.argv[2], "scores.json"), "w") as f:
            json.dump({"accuracy": 0.5}, f)
        """;

    private const string Settings = """
        {"command": "python3 score.py $input $output", "runtime": "python", "metrics": ["accuracy"],
         "primary_metric": "accuracy", "higher_is_better": true}
        """;

    private readonly ServerFactory _server = new();

    public ValueTask InitializeAsync()
    {
        _server.Settings["Sandbox:Kind"] = "bubblewrap";
        _server.Settings["Sandbox:WorkRoot"] = Path.Combine(_server.DataFolder, "sandbox");
        _server.Settings["Sandbox:Limits:WallClock"] = "00:00:30";
        // Six times shorter than the program's run, as 2 min is shorter than the 5 min wall clock in production.
        _server.Settings["Submissions:StuckAfter"] = "00:00:01";
        _server.Settings["Scoring:LeaseRenewEvery"] = "00:00:00.200";
        // One scoring at a time per queue: a program sharing the built-in queue would hold its only slot.
        _server.Settings["Bus:ConcurrencyLimit"] = "1";
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Submit_IsScoredOnItsFirstAttempt_WhenTheProgramRunsLongerThanStuckAfter()
    {
        Bubblewrap.Require();
        var (competitor, phaseId) = await ProgramPhaseAsync();

        var id = await competitor.SubmitAsync(phaseId, SampleFiles.Predictions());
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (SubmissionLifecycle.IsUnfinished(await StatusAsync(id)) && DateTime.UtcNow < deadline)
        {
            await using var scope = _server.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RequeueStuckSubmissionsJob>().RunAsync(CancellationToken.None);
            await Task.Delay(250);
        }

        var outcome = await competitor.WaitForOutcomeAsync(id);
        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        // A run sent again would be a second attempt. Before the worker starts, a busy machine may take longer than the
        // threshold to deliver the command; sending it again then costs no attempt, and is not what this test is about.
        await using var read = _server.Services.CreateAsyncScope();
        var stored = await read.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(1, stored.Attempt);
    }

    [Fact]
    public async Task BuiltInScoring_IsNotDelayed_WhileASlowProgramRuns()
    {
        Bubblewrap.Require();
        var (programTeam, programPhase) = await ProgramPhaseAsync();
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var builtInPhase = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        await organiser.UploadLabelsAsync(builtInPhase, SampleFiles.Labels());
        var builtInTeam = await ApiSession.RegisterAsync(_server.CreateClient());
        await builtInTeam.JoinAsync(slug);

        var slow = await programTeam.SubmitAsync(programPhase, SampleFiles.Predictions());
        while (await StatusAsync(slow) == SubmissionStatus.Received) await Task.Delay(50);
        var quick = await builtInTeam.SubmitAsync(builtInPhase, SampleFiles.Predictions());
        var outcome = await builtInTeam.WaitForOutcomeAsync(quick, TimeSpan.FromSeconds(60));

        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        Assert.Equal(SubmissionStatus.Scoring, await StatusAsync(slow));
    }

    // A challenge whose phase the slow program scores, and a competitor in it.
    private async Task<(ApiSession Competitor, Guid PhaseId)> ProgramPhaseAsync()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        using (var form = ProgramForm())
            Assert.Equal(HttpStatusCode.OK, (await organiser.Client.PutAsync($"/api/phases/{phaseId}/program", form)).StatusCode);
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(slug);
        return (competitor, phaseId);
    }

    private async Task<SubmissionStatus> StatusAsync(Guid id)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        return (await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id)).Status;
    }

    private static MultipartFormDataContent ProgramForm()
    {
        var archive = new ByteArrayContent(ProgramArchives.Zip(("score.py", SlowProgram)));
        archive.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent
        {
            { new StringContent(Settings, Encoding.UTF8, "application/json"), "config" },
            { archive, "archive", "program.zip" },
        };
    }
}
