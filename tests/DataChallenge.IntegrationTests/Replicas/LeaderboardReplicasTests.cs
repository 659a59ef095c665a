using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.IntegrationTests.Outages;
using DataChallenge.Testing;
using Npgsql;

namespace DataChallenge.IntegrationTests.Replicas;

/// <summary>
/// Two leaderboard processes on one RabbitMQ and one PostgreSQL, with one worker: whichever replica records a score,
/// both serve the same board, with the same version, soon after.
/// </summary>
public sealed class LeaderboardReplicasTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Scores = 20;
    private static readonly TimeSpan Agreement = TimeSpan.FromSeconds(1);

    private readonly string _runId = RealServices.NewRunId();
    private RabbitMqVirtualHost _broker = null!;
    private Dictionary<string, string?> _settings = null!;
    private ServerFactory _api = null!;
    private ServerFactory _replica = null!;
    private WorkerProcess _worker = null!;

    public async ValueTask InitializeAsync()
    {
        _settings = RealServices.Settings(_runId);
        _broker = await RabbitMqVirtualHost.CreateAsync(_runId);
        _settings["Bus:RabbitMqUrl"] = _broker.Url;
        await ObjectStoreRights.ProvisionAsync(_runId);
        _api = Server("api,leaderboard");
        _replica = Server("leaderboard");
        _worker = WorkerProcess.Start(_settings, concurrency: 1);
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _replica.DisposeAsync();
        await _api.DisposeAsync();
        await _broker.DisposeAsync();
        await RealServices.DropDatabaseIfUsedAsync(_runId);
    }

    [Fact]
    public async Task Replicas_ServeTheSameBoard_AfterEveryScoreAndAfterARestart()
    {
        var (phaseId, teams) = await PhaseWithTeamsAsync();
        var replicas = await WatchedReplicasAsync(phaseId);

        var lags = new List<TimeSpan>();
        for (var i = 0; i < Scores; i++)
            lags.Add(await ScoreAndAgreeAsync(teams[i % teams.Count], phaseId, i, replicas));

        // A replica that was down while scores came in serves the current board as soon as it is back.
        await _replica.DisposeAsync();
        await ScoreAndAgreeAsync(teams[0], phaseId, Scores, replicas[..1]);
        _replica = Server("leaderboard");
        replicas[1] = _replica.CreateClient();
        lags.Add(await ScoreAndAgreeAsync(teams[1], phaseId, Scores + 1, replicas));

        output.WriteLine($"Replicas agreed within {string.Join(", ", lags.Select(l => $"{l.TotalMilliseconds:F0}"))} ms of each score becoming visible.");
        Assert.All(lags, lag => Assert.True(lag < Agreement, $"lag {lag}"));
    }

    [Fact]
    public async Task Replica_CatchesUpWithTheBoard_WhenItsBrokerLinkComesBack()
    {
        var (phaseId, teams) = await PhaseWithTeamsAsync();
        await using var link = new TcpGate("127.0.0.1", new Uri(_broker.Url).Port);
        await _replica.DisposeAsync();
        _replica = Server("leaderboard", new UriBuilder(_broker.Url) { Port = link.Port }.Uri.ToString());
        var replicas = await WatchedReplicasAsync(phaseId);
        await ScoreAndAgreeAsync(teams[0], phaseId, 0, replicas);

        // The replica's queue goes with its connection, and the change announced meanwhile with it.
        link.Set(TcpGate.Mode.Refusing);
        await ScoreAndAgreeAsync(teams[1], phaseId, 1, replicas[..1]);
        link.Set(TcpGate.Mode.Open);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement board;
        while (Entries(board = await replicas[1].GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/leaderboard",
                   TestContext.Current.CancellationToken)) < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        var current = await replicas[0].GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/leaderboard", TestContext.Current.CancellationToken);
        Assert.Equal(Shown(current), Shown(board));
    }

    [Fact]
    public async Task Replica_KnowsTheOrganiser_ByTheTokenTheApiIssued()
    {
        // A draft: nobody but its organisers may see that its board exists, on any replica.
        var organiser = await ApiSession.RegisterAsync(_api.CreateClient());
        var slug = await organiser.CreateChallengeAsync(visibility: "draft");
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        var asOrganiser = _replica.CreateClient();
        asOrganiser.DefaultRequestHeaders.Authorization = organiser.Client.DefaultRequestHeaders.Authorization;
        var token = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.OK, (await asOrganiser.GetAsync($"/api/phases/{phaseId}/leaderboard?board=private", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asOrganiser.GetAsync($"/api/phases/{phaseId}/leaderboard/groups", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _replica.CreateClient().GetAsync($"/api/phases/{phaseId}/leaderboard", token)).StatusCode);
    }

    [Fact]
    public async Task Replica_Answers503WithRetryAfter_WhenItsDatabaseRefusesConnections()
    {
        var (phaseId, _) = await PhaseWithTeamsAsync();
        var database = new NpgsqlConnectionStringBuilder(_settings["Database:Postgres"]);
        await using var link = new TcpGate(database.Host!, database.Port);
        (database.Host, database.Port) = ("127.0.0.1", link.Port);
        await _replica.DisposeAsync();
        _replica = Server("leaderboard");
        _replica.Settings["Database:Postgres"] = database.ConnectionString;
        var viewer = _replica.CreateClient();
        var token = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/phases/{phaseId}/leaderboard", token)).StatusCode);

        link.Set(TcpGate.Mode.Refusing);
        NpgsqlConnection.ClearAllPools();
        var refused = await viewer.GetAsync($"/api/phases/{phaseId}/leaderboard", token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without a Retry-After delay.");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        link.Set(TcpGate.Mode.Open);
    }

    private async Task<(Guid PhaseId, List<ApiSession> Teams)> PhaseWithTeamsAsync()
    {
        var organiser = await ApiSession.RegisterAsync(_api.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, unlimitedSubmissionsPerDay: true);
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        var teams = new List<ApiSession>();
        for (var i = 0; i < 3; i++)
        {
            teams.Add(await ApiSession.RegisterAsync(_api.CreateClient()));
            await teams[i].JoinAsync(slug, $"Team {i}");
        }
        await _worker.WaitForAsync("running with roles: worker", TimeSpan.FromSeconds(60));
        return (phaseId, teams);
    }

    /// <summary>
    /// Both replicas' clients, once each has served the phase's empty board: spectators already watch it, so the first
    /// score is not measured against the replicas' warm-up. The migration ran in the api's process; the replica starts on the same database.
    /// </summary>
    private async Task<List<HttpClient>> WatchedReplicasAsync(Guid phaseId)
    {
        var replicas = new List<HttpClient> { _api.CreateClient(), _replica.CreateClient() };
        foreach (var replica in replicas) await replica.GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/leaderboard");
        return replicas;
    }

    private ServerFactory Server(string roles, string? broker = null)
    {
        var server = new ServerFactory();
        foreach (var (key, value) in _settings) server.Settings[key] = value;
        server.Settings["Roles"] = roles;
        if (broker is not null) server.Settings["Bus:RabbitMqUrl"] = broker;
        return server;
    }

    /// <summary>Scores one more file, then waits for every replica to show the same board counting it; returns how long that took.</summary>
    private static async Task<TimeSpan> ScoreAndAgreeAsync(ApiSession team, Guid phaseId, int scored, IReadOnlyList<HttpClient> replicas)
    {
        var id = await team.SubmitAsync(phaseId, SampleFiles.Predictions(swaps: scored % 7));
        Assert.Equal("Scored", (await team.WaitForOutcomeAsync(id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var boards = new List<JsonElement>();
            foreach (var replica in replicas) boards.Add(await replica.GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/leaderboard"));
            var counted = boards.All(b => Entries(b) == scored + 1);
            if (counted && boards.Select(Shown).Distinct().Count() == 1) return watch.Elapsed;
            if (watch.Elapsed > Agreement)
                Assert.Fail($"{Agreement.TotalSeconds} s after score {scored + 1} the replicas disagree:\n"
                    + string.Join("\n", boards.Select((b, r) => $"replica {r + 1}: {Entries(b)} entries, {Shown(b)}")));
            await Task.Delay(20);
        }
    }

    private static int Entries(JsonElement board) => board.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("entries").GetInt32());

    private static string Shown(JsonElement board) => $"version {board.GetProperty("version").GetInt64()}: {board.GetProperty("rows").GetRawText()}";
}
