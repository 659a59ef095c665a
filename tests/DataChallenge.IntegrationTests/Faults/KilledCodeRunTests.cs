using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.IntegrationTests.Faults;

/// <summary>
/// A worker killed in the middle of a code run, on RabbitMQ, PostgreSQL and S3: the broker hands the unacknowledged run
/// to another worker, the run is recorded once, and the killed worker's sandbox does not outlive it.
/// </summary>
public sealed class KilledCodeRunTests : IAsyncLifetime
{
    private WorkerFleet _fleet = null!;

    public async ValueTask InitializeAsync() => _fleet = await WorkerFleet.StartAsync();

    public ValueTask DisposeAsync() => _fleet.DisposeAsync();

    [Fact]
    public async Task CodeRun_IsRetriedOnAnotherWorkerAndRecordedOnce_WhenItsWorkerIsKilledMidRun()
    {
        Bubblewrap.Require();
        var organiser = await ApiSession.RegisterAsync(_fleet.Server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await CodePhaseSetup.CreateAsync(organiser, slug);
        var competitor = await ApiSession.RegisterAsync(_fleet.Server.CreateClient());
        await competitor.JoinAsync(slug, "Survivor");
        var first = await StartWorkerAsync();

        // The program runs again under a name of this test, so the test can find it among the machine's processes.
        var marker = $"killed-run-{_fleet.RunId}";
        var submitted = await competitor.Client.PostAsync($"/api/phases/{phaseId}/submissions?fileName=code.zip", CodePhaseSetup.Zip(("main.py", $$"""
            import os, sys, time
            if len(sys.argv) == 1:
                os.execv(sys.executable, [sys.executable, "main.py", "{{marker}}"])
            print("started", flush=True)
            time.sleep(30)
            {{CodePhaseSetup.PredictX}}
            """)));
        await ApiSession.EnsureAsync(submitted, "submit code", HttpStatusCode.Accepted);
        var submissionId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await WaitUntilAsync(async () => (await competitor.Client.GetFromJsonAsync<JsonElement>($"/api/submissions/{submissionId}"))
            .GetProperty("status").GetString() == "Running", "the submission to be Running");
        await WaitUntilAsync(() => Task.FromResult(SandboxProcesses(marker).Count > 0), "the program to run in the first worker's sandbox");

        await first.KillAloneAsync();

        // Well before the program would end by itself: the sandbox must die with its worker, not run on to its end.
        await WaitUntilAsync(() => Task.FromResult(SandboxProcesses(marker).Count == 0),
            "the killed worker's sandbox to end: " + string.Join(", ", SandboxProcesses(marker)), TimeSpan.FromSeconds(5));
        var second = await StartWorkerAsync();
        var outcome = await competitor.WaitForOutcomeAsync(submissionId, TimeSpan.FromMinutes(3));

        Assert.True("Scored" == outcome.GetProperty("status").GetString(), $"Ended {outcome}");
        Assert.Equal(1.0, outcome.GetProperty("score").GetDouble(), 6);
        var row = Assert.Single((await competitor.LeaderboardWithEntriesAsync(phaseId, 1)).GetProperty("rows").EnumerateArray());
        Assert.Equal(1, row.GetProperty("entries").GetInt32());
        // A redelivery is the same attempt run again: one provenance, naming the worker that finished the run.
        var run = await organiser.ReadRunAsync(submissionId);
        Assert.Equal(1, run.GetProperty("attempt").GetInt32());
        Assert.Equal(1, run.GetProperty("provenance").GetProperty("Attempt").GetInt32());
        Assert.Equal(second.Name, run.GetProperty("provenance").GetProperty("Worker").GetString());
        Assert.True(run.GetProperty("reproducible").ValueKind == JsonValueKind.Null, $"Only one run was recorded: {run}");
        Assert.Contains("started", await organiser.ReadLogAsync(submissionId));
    }

    private Task<WorkerProcess> StartWorkerAsync() => _fleet.StartWorkerAsync(new Dictionary<string, string?>
    {
        ["Sandbox:Kind"] = "bubblewrap",
        ["Sandbox:WorkRoot"] = Path.Combine(Path.GetTempPath(), "datachallenge-tests", Guid.NewGuid().ToString("N"), "sandbox"),
    });

    /// <summary>The machine's processes whose command line names the marker: the competitor's program in a sandbox.</summary>
    private static List<int> SandboxProcesses(string marker)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(marker, StringComparison.Ordinal)) found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was read, or belongs to another user: not one this test started.
            }
        }
        return found;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited in vain for {what}.");
            await Task.Delay(100);
        }
    }
}
