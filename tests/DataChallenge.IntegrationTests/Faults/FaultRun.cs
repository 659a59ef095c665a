using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.IntegrationTests.Faults;

/// <summary>
/// One fault run on the fault services: this process runs the api and leaderboard roles, a separate process the worker.
/// The competitor uploads like the CLI: a client timeout, and retries with the same Idempotency-Key until answered 202.
/// </summary>
internal sealed class FaultRun : IAsyncDisposable
{
    private readonly FaultServices _services;
    private readonly string _runId = RealServices.NewRunId();
    private readonly ServerFactory _server = new();
    private readonly ConcurrentDictionary<Guid, byte> _acknowledged = new();
    private ApiSession _organiser = null!;
    private ApiSession _competitor = null!;
    private Guid _phaseId;

    public WorkerProcess Worker { get; private set; } = null!;

    private int _answered503;
    private int _otherwiseRefused;

    private FaultRun(FaultServices services) => _services = services;

    public IReadOnlyCollection<Guid> Acknowledged => _acknowledged.Keys.ToList();

    /// <param name="workerRabbitMqUrl">Where the worker finds the broker when it is not the broker itself (a proxy the test can cut).</param>
    public static async Task<FaultRun> StartAsync(FaultServices services, string? workerRabbitMqUrl = null, int concurrency = 2)
    {
        var run = new FaultRun(services);
        var settings = run.Settings();
        foreach (var (key, value) in settings) run._server.Settings[key] = value;
        run._server.Settings["Roles"] = "api,leaderboard";
        // A message lost with a dependency is sent again by the stuck-submission job (every minute) within the test's bound.
        run._server.Settings["Submissions:StuckAfter"] = "00:00:20";
        await ObjectStoreRights.ProvisionAsync(run._runId, variable => services.Environment[variable]);
        run._organiser = await ApiSession.RegisterAsync(run._server.CreateClient());
        var slug = await run._organiser.CreateChallengeAsync();
        run._phaseId = await run._organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, unlimitedSubmissionsPerDay: true);
        await run._organiser.UploadLabelsAsync(run._phaseId, SampleFiles.Labels(2000));
        var client = run._server.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(10);
        run._competitor = await ApiSession.RegisterAsync(client);
        await run._competitor.JoinAsync(slug);

        if (workerRabbitMqUrl is not null) settings["Bus:RabbitMqUrl"] = workerRabbitMqUrl;
        // As under compose: a worker whose endpoint never comes back ends itself and is started again, soon enough
        // for the resumption bound to hold.
        settings["Bus:RestartAfter"] = "00:00:30";
        run.Worker = WorkerProcess.Start(settings, concurrency, restartWhenAsked: true);
        await run.Worker.WaitForAsync("running with roles: worker", TimeSpan.FromSeconds(60));
        return run;
    }

    public Dictionary<string, string?> Settings() => RealServices.Settings(_runId, variable => _services.Environment[variable]);

    /// <summary>Uploads <paramref name="count"/> files one after another, each retried until acknowledged.</summary>
    public async Task BurstAsync(int count, TimeSpan pause, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            await UploadUntilAcknowledgedAsync(SampleFiles.Predictions(2000, swaps: i % 500), cancellationToken);
            await Task.Delay(pause, cancellationToken);
        }
    }

    /// <summary>Uploads one file, retried with the same key until acknowledged; returns its id.</summary>
    public async Task<Guid> UploadUntilAcknowledgedAsync(string csv, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/phases/{_phaseId}/submissions?fileName=predictions.csv")
                {
                    Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
                };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await _competitor.Client.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
                    _acknowledged.TryAdd(id, 0);
                    return id;
                }
                // A refusal on the competitor's side (a quota, a bad file) would never turn into 202: fail at once, as the CLI does.
                if ((int)response.StatusCode is >= 400 and < 500 and not 408)
                    throw new InvalidOperationException($"Upload refused with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable) Interlocked.Increment(ref _answered503);
                else Interlocked.Increment(ref _otherwiseRefused);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not answered in time: the CLI tries again with the same key.
                Interlocked.Increment(ref _otherwiseRefused);
            }
            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>Returns once the worker logs the start of a new score: it is then in the middle of a message.</summary>
    public async Task WhenWorkerStartsAScoreAsync(CancellationToken cancellationToken)
    {
        await Worker.WaitForAsync("Scoring submission", TimeSpan.FromSeconds(60));
        var seen = Worker.Lines.Count;
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!Worker.Lines.Skip(seen).Any(l => l.Contains("Scoring submission", StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > giveUp) throw new TimeoutException("The worker started no new score within 60 s.");
            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>
    /// Called as the dependency is back: uploads a new file and fails unless it is scored within <paramref name="bound"/>.
    /// Reported, tab-separated: the dependency, seconds from its return to that score, upload attempts answered 503
    /// so far, and upload attempts otherwise refused or left unanswered past the client's timeout.
    /// </summary>
    public async Task MeasureResumptionAsync(string dependency, TimeSpan bound, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var probe = await UploadUntilAcknowledgedAsync(SampleFiles.Predictions(2000, swaps: 7), cancellationToken);
        JsonElement outcome;
        try
        {
            outcome = await _competitor.WaitForOutcomeAsync(probe, bound);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} {stopwatch.Elapsed.TotalSeconds:F0} s after the {dependency} came back.\nWorker log tail:\n"
                + string.Join("\n", Worker.Lines.TakeLast(40)), e);
        }
        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        var figure = $"{dependency}\t{stopwatch.Elapsed.TotalSeconds:F1}\t{_answered503}\t{_otherwiseRefused}";
        TestContext.Current.TestOutputHelper?.WriteLine(figure);
        // The outage benchmark collects these lines.
        if (System.Environment.GetEnvironmentVariable("DATACHALLENGE_FAULT_FIGURES") is { Length: > 0 } figures)
            await File.AppendAllTextAsync(figures, figure + "\n", cancellationToken);
    }

    /// <summary>
    /// The fault invariants: every acknowledged upload is in the phase exactly once and ends Scored within
    /// <paramref name="bound"/>; none is lost, duplicated or charged as Failed for the outage.
    /// </summary>
    public async Task AssertEveryUploadScoredOnceAsync(TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        var outcomes = new Dictionary<Guid, string>();
        foreach (var id in Acknowledged)
        {
            var left = deadline - DateTime.UtcNow;
            try
            {
                var outcome = await _competitor.WaitForOutcomeAsync(id, left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1));
                outcomes[id] = outcome.GetProperty("status").GetString() + " " + (outcome.TryGetProperty("message", out var m) ? m.ToString() : "");
            }
            catch (TimeoutException e)
            {
                outcomes[id] = e.Message;
            }
        }
        var notScored = outcomes.Where(o => !o.Value.StartsWith("Scored", StringComparison.Ordinal)).ToList();
        Assert.True(notScored.Count == 0,
            $"{notScored.Count} of {outcomes.Count} acknowledged uploads were not scored within {bound.TotalSeconds} s: "
            + string.Join("; ", notScored.Take(5).Select(o => $"{o.Key} {o.Value}"))
            + "\nWorker log tail:\n" + string.Join("\n", Worker.Lines.TakeLast(30)));

        var listed = await _competitor.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_phaseId}/submissions");
        var rows = listed.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(Acknowledged.Order(), rows.Order());
    }

    public async ValueTask DisposeAsync()
    {
        if (Worker is not null) await Worker.DisposeAsync();
        await _server.DisposeAsync();
        await RealServices.DropDatabaseAsync(_runId, _services.Environment["DATACHALLENGE_TEST_POSTGRES"]);
    }
}
