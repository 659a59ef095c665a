using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Core.Persistence;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Tests;

/// <summary>The whole server on embedded defaults, with an organiser program scoring in bubblewrap.</summary>
public sealed class ScoringProgramFlowTests : IAsyncLifetime
{
    private const string ProgramSettings = """
        {"command": "python3 score.py $input $output", "runtime": "python", "metrics": ["accuracy", "rows", "usage_column"],
         "primary_metric": "accuracy", "higher_is_better": true, "split_column": "Usage"}
        """;

    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private string _slug = "";
    private Guid _phaseId;

    public async ValueTask InitializeAsync()
    {
        _server.RunProgramsInBubblewrap();
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _slug = await _organiser.CreateChallengeAsync();
        _phaseId = await _organiser.CreatePhaseAsync(_slug, SampleFiles.BinaryConfig, maxFileBytes: 10_000);
        await _organiser.UploadLabelsAsync(_phaseId, SampleFiles.Labels());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Submit_IsScoredByTheProgramAndRanked_WhenTheProgramIsCorrect()
    {
        Bubblewrap.Require();
        var upload = await UploadProgramAsync(ProgramSettings, ProgramArchives.Zip(("score.py", ProgramArchives.AccuracyProgram)));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(1, (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        var teamId = await competitor.JoinAsync(_slug, "Thresholders");
        var submissionId = await competitor.SubmitAsync(_phaseId, SampleFiles.Predictions(swaps: 3));
        var outcome = await competitor.WaitForOutcomeAsync(submissionId, TimeSpan.FromSeconds(90));

        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        Assert.Equal("accuracy", outcome.GetProperty("primaryMetric").GetString());
        // Public rows are r0..r39, 20 pairs: 3 swapped pairs miss 6 of 40 rows. The program saw only those 40, without Usage.
        Assert.Equal(34.0 / 40, outcome.GetProperty("score").GetDouble(), 12);
        var metrics = outcome.GetProperty("metrics");
        Assert.Equal(40, metrics.GetProperty("rows").GetDouble());
        Assert.Equal(0, metrics.GetProperty("usage_column").GetDouble());

        var board = await competitor.LeaderboardWithEntriesAsync(_phaseId, 1);
        var row = Assert.Single(board.GetProperty("rows").EnumerateArray());
        Assert.Equal(teamId, row.GetProperty("teamId").GetGuid());
        Assert.Equal(34.0 / 40, row.GetProperty("score").GetDouble(), 12);

        // The private split was scored on its own 20 rows; its detailed results are kept for the organisers.
        var html = await ReadHiddenAsync($"phases/{_phaseId:N}/program/results/{submissionId:N}/a1/private/detailed_results.html");
        Assert.Equal("<p>20 rows</p>", html);
    }

    [Fact]
    public async Task Submit_FailsWithAFixedSentence_WhenTheProgramTriesTheNetwork()
    {
        Bubblewrap.Require();
        const string dialer = """
            import socket, sys
            for port in (5432, 5672, 9000):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=2)
                    print("connected", port)
                except OSError as e:
                    print("no connection to", port, e, file=sys.stderr)
            sys.exit(2)
            """;
        var (submissionId, outcome) = await SubmitToProgramAsync(dialer);

        Assert.Equal("Failed", outcome.GetProperty("status").GetString());
        var message = outcome.GetProperty("message").GetString()!;
        Assert.DoesNotContain("connection", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("exit", message, StringComparison.OrdinalIgnoreCase);
        var log = await ReadHiddenAsync($"phases/{_phaseId:N}/program/results/{submissionId:N}/a1/public/log.txt");
        Assert.Contains("exited with code 2", log);
        Assert.Equal(3, log.Split('\n').Count(l => l.StartsWith("no connection to ", StringComparison.Ordinal)));
        Assert.DoesNotContain("connected", log.Replace("no connection", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_KeepsProgramOutputOutOfTheWorkerLog_WhenTheProgramFails()
    {
        Bubblewrap.Require();
        // What a failing program prints may quote hidden labels: it belongs to the organisers' storage only.
        var marker = "quoted-label-" + Guid.NewGuid().ToString("N");
        var failing = $"import sys\nprint('{marker}-stdout')\nprint('{marker}-stderr', file=sys.stderr)\nsys.exit(3)\n";
        var (submissionId, outcome) = await SubmitToProgramAsync(failing);

        Assert.Equal("Failed", outcome.GetProperty("status").GetString());
        var log = await ReadHiddenAsync($"phases/{_phaseId:N}/program/results/{submissionId:N}/a1/public/log.txt");
        Assert.Contains(marker + "-stderr", log);
        Assert.Contains(marker + "-stdout", log);
        Assert.Contains("exited with code 3", _server.Logs.All);
        Assert.DoesNotContain(marker, _server.Logs.All);
    }

    [Fact]
    public async Task Submit_IsScoredWithoutWaiting_WhenDetailedResultsIsAFifo()
    {
        Bubblewrap.Require();
        // Opening a FIFO for reading waits for a writer: the program is gone, so the worker would wait forever.
        const string trap = """
            import json, os, sys
            os.mkfifo(os.path.join(sys.argv[2], "detailed_results.html"))
            json.dump({"accuracy": 0.5, "rows": 1, "usage_column": 0}, open(os.path.join(sys.argv[2], "scores.json"), "w"))
            """;

        var (submissionId, outcome) = await SubmitToProgramAsync(trap);

        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        Assert.Equal(0.5, outcome.GetProperty("score").GetDouble());
        var log = await ReadHiddenAsync($"phases/{_phaseId:N}/program/results/{submissionId:N}/a1/public/log.txt");
        Assert.Contains("exited normally", log);
    }

    [Fact]
    public async Task Rescore_Completes_WhenAProgramScoresThePhase()
    {
        Bubblewrap.Require();
        var (id, first) = await SubmitToProgramAsync(ProgramArchives.AccuracyProgram);
        Assert.Equal(1.0, first.GetProperty("score").GetDouble());
        // Every label flipped: the perfect file now misses every row, so the new score cannot pass for the old one.
        await _organiser.UploadLabelsAsync(_phaseId, FlippedLabels());

        Assert.Equal(HttpStatusCode.Accepted, (await _organiser.Client.PostAsync($"/api/phases/{_phaseId}/rescore", null)).StatusCode);
        var run = await EventuallyAsync(() => _organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_phaseId}/rescore"),
            r => r.GetProperty("status").GetString() == "completed", "the rescoring completed");

        Assert.Equal(1, run.GetProperty("total").GetInt32());
        await using var scope = _server.Services.CreateAsyncScope();
        var submission = await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(2, submission.ScoredLabelsVersion);
        Assert.Equal(run.GetProperty("configHash").GetString(), submission.ScoredConfigHash);
        Assert.Equal(0.0, submission.PublicScore);
    }

    [Fact]
    public async Task Submit_LeavesAHiddenLabelsReadOnTheAuditTrail_WhenAProgramScoresIt()
    {
        Bubblewrap.Require();
        var (id, outcome) = await SubmitToProgramAsync(ProgramArchives.AccuracyProgram);
        Assert.Equal("Scored", outcome.GetProperty("status").GetString());

        // The read is reported on the bus beside the score, so it may land just after it.
        var audit = await EventuallyAsync(() => _organiser.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{_slug}/audit"),
            a => a.EnumerateArray().Any(e => e.GetProperty("action").GetString() == "labels.read"), "a labels.read entry");

        var read = Assert.Single(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "labels.read");
        Assert.Equal($"submission:{id}", read.GetProperty("subject").GetString());
        Assert.Contains("labels v1", read.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.EndsWith("to score.", read.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadProgram_IsRefused_WhenTheArchiveEscapesItsFolder()
    {
        var response = await UploadProgramAsync(ProgramSettings, ProgramArchives.Zip(("score.py", "print(1)"), ("../../evil.py", "print(2)")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("..", await response.Content.ReadAsStringAsync());
        var phase = await _organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_phaseId}");
        Assert.False(phase.GetProperty("scoringConfig").TryGetProperty("program", out _));
    }

    [Fact]
    public async Task UploadProgram_IsRefused_WhenThePrimaryMetricIsNotListed()
    {
        var response = await UploadProgramAsync("""{"command": "python3 score.py", "runtime": "python", "metrics": ["a"], "primary_metric": "b"}""",
            ProgramArchives.Zip(("score.py", "print(1)")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("primary metric", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UploadProgram_IsNotFound_WhenTheCallerIsNotAnOrganiser()
    {
        var stranger = await ApiSession.RegisterAsync(_server.CreateClient());

        var response = await ProgramArchives.UploadAsync(stranger.Client, _phaseId, ProgramSettings, ProgramArchives.Zip(("score.py", "print(1)")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // Uploads the program as score.py, then a new competitor submits and waits for the outcome.
    private async Task<(Guid SubmissionId, JsonElement Outcome)> SubmitToProgramAsync(string program)
    {
        Assert.Equal(HttpStatusCode.OK, (await UploadProgramAsync(ProgramSettings, ProgramArchives.Zip(("score.py", program)))).StatusCode);
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(_slug);
        var submissionId = await competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        return (submissionId, await competitor.WaitForOutcomeAsync(submissionId, TimeSpan.FromSeconds(90)));
    }

    private static string FlippedLabels()
        => string.Join('\n', SampleFiles.Labels().Split('\n').Select((line, i) => i == 0 || line.Length == 0 ? line : Flip(line)));

    private static string Flip(string line)
    {
        var cells = line.Split(',');
        cells[1] = cells[1] == "1" ? "0" : "1";
        return string.Join(',', cells);
    }

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var value = await read();
        while (!done(value))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Never saw {what}: {value}");
            await Task.Delay(100);
            value = await read();
        }
        return value;
    }

    private Task<HttpResponseMessage> UploadProgramAsync(string settings, byte[] zip)
        => ProgramArchives.UploadAsync(_organiser.Client, _phaseId, settings, zip);

    private async Task<string> ReadHiddenAsync(string key)
    {
        var store = _server.Services.GetRequiredService<IObjectStore>();
        var bucket = _server.Services.GetRequiredService<IOptions<ObjectStoreOptions>>().Value.Buckets.HiddenLabels;
        await using var stream = await store.OpenReadAsync(bucket, key, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }
}
