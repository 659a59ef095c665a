using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.CodePhases;

/// <summary>
/// Code phases through every role in one process: the api takes the archive, the worker runs it in the bubblewrap
/// sandbox on the stored inputs, scoring and the board follow as for an uploaded file.
/// </summary>
public sealed class CodePhaseEndToEndTests : IAsyncLifetime
{
    private static readonly string[] Lifecycle = ["Received", "Queued", "Running", "Scoring", "Scored"];
    private CodePhaseArena _arena = null!;

    public async ValueTask InitializeAsync()
    {
        Bubblewrap.Require();
        _arena = await CodePhaseArena.StartAsync(withWorker: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_arena is not null) await _arena.DisposeAsync();
    }

    [Fact]
    public async Task CodeSubmission_IsRunScoredAndRanked_WithItsProvenance_WhenItWritesGoodPredictions()
    {
        // Sleeps so the run is seen Running; pandas comes from the runtime, not from the archive.
        var zip = CodePhaseArena.Zip(("main.py", $$"""
            import time, pandas as pd
            time.sleep(1.5)
            x = pd.read_csv("/app/input/{{CodePhaseArena.HiddenInputName}}")
            pd.DataFrame({"id": x["id"], "label": x["x"]}).to_csv("/app/output/predictions.csv", index=False)
            """));

        var id = await _arena.SubmitAcceptedAsync(zip);
        var (outcome, seen) = await WatchAsync(id);

        Assert.True("Scored" == outcome.GetProperty("status").GetString(), $"Ended {outcome}");
        Assert.Contains("Running", seen);
        Assert.Equal(seen, Lifecycle.Where(seen.Contains));
        Assert.Equal(1.0, outcome.GetProperty("score").GetDouble(), 6);
        var board = await _arena.Organiser.LeaderboardWithEntriesAsync(_arena.PhaseId, 1);
        Assert.Single(board.GetProperty("rows").EnumerateArray());
        var run = await _arena.Organiser.ReadRunAsync(id);
        var provenance = run.GetProperty("provenance");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(zip)), provenance.GetProperty("ArchiveSha256").GetString());
        Assert.StartsWith("debian-sha256:", provenance.GetProperty("RuntimeIdentity").GetString());
        Assert.InRange(provenance.GetProperty("DurationMilliseconds").GetDouble(), 1500, 60_000);
        Assert.Equal(1, provenance.GetProperty("InputsVersion").GetInt32());
    }

    [Fact]
    public async Task SmokeRun_EndsFinished_WithItsLogReadableByTheTeam_AndOnlyTheSmokeFilesAsInputs()
    {
        var zip = CodePhaseArena.Zip(("main.py", """
            import os
            print("INPUTS", sorted(os.listdir("/app/input")))
            open("/app/output/predictions.csv", "w").write("id,label\n900,0.5\n")
            """));

        var id = await _arena.SubmitAcceptedAsync(zip, smoke: true);
        var (outcome, _) = await WatchAsync(id);

        Assert.True("Finished" == outcome.GetProperty("status").GetString(), $"Ended {outcome}");
        var log = await _arena.Competitor.Client.GetStringAsync($"/api/submissions/{id}/log", TestContext.Current.CancellationToken);
        Assert.True(log.Contains("INPUTS ['person.csv']", StringComparison.Ordinal), log);
        var board = await _arena.Organiser.LeaderboardAsync(_arena.PhaseId);
        Assert.Empty(board.GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task CodeSubmission_IsRejectedWithAClearReason_WhenTheRunWritesNoFile()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.Zip(("main.py", "print('forgot to write')\n")));
        var (outcome, _) = await WatchAsync(id);

        Assert.True("Rejected" == outcome.GetProperty("status").GetString(), $"Ended {outcome}");
        Assert.Contains("wrote no predictions.csv", outcome.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CodeSubmission_IsRejectedNamingTheLineAndColumn_WhenTheRunWritesAMalformedFile()
    {
        var zip = CodePhaseArena.Zip(("main.py", """
            rows = ["r%d,%s" % (i, "not-a-number" if i == 3 else "0.5") for i in range(60)]
            open("/app/output/predictions.csv", "w").write("id,label\n" + "\n".join(rows) + "\n")
            """));

        var id = await _arena.SubmitAcceptedAsync(zip);
        var (outcome, _) = await WatchAsync(id);

        Assert.True("Rejected" == outcome.GetProperty("status").GetString(), $"Ended {outcome}");
        Assert.Contains("line 5, column 'label'", outcome.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CodeSubmission_FindsNoHiddenLabels_WhenItSearchesEverythingItCanSee()
    {
        // A labels line ends ",Public" and the next starts with an id; the inputs hold no such text. The program ruins its
        // score if it finds the labels anywhere.
        var zip = CodePhaseArena.Zip(("main.py", LabelProbe.Search(",Public\nr") + """
            import csv
            print("FOUND", found)
            rows = list(csv.DictReader(open("/app/input/person_secret_cohort.csv")))
            lines = ["%s,%s" % (r["id"], 0.5 if found else r["x"]) for r in rows]
            open("/app/output/predictions.csv", "w").write("id,label\n" + "\n".join(lines) + "\n")
            """));

        var id = await _arena.SubmitAcceptedAsync(zip);
        var (outcome, _) = await WatchAsync(id);

        var log = await _arena.Organiser.ReadLogAsync(id);
        Assert.True("Scored" == outcome.GetProperty("status").GetString(), $"Ended {outcome}\n{log}");
        Assert.Contains("FOUND []", log);
        Assert.Equal(1.0, outcome.GetProperty("score").GetDouble(), 6);
    }

    /// <summary>Polls the team's view of the submission until it ends, noting every status it showed on the way.</summary>
    private async Task<(JsonElement Outcome, List<string> Seen)> WatchAsync(Guid id)
    {
        var seen = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var body = await _arena.Competitor.Client.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}", TestContext.Current.CancellationToken);
            var status = body.GetProperty("status").GetString()!;
            if (seen.LastOrDefault() != status) seen.Add(status);
            if (body.GetProperty("isFinished").GetBoolean()) return (body, seen);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Submission {id} is still {status}; seen {string.Join(" → ", seen)}.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
