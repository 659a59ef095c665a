using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using DataChallenge.Testing;
using Npgsql;

namespace DataChallenge.IntegrationTests.Outages;

/// <summary>
/// When the database or the object store stops answering, an upload is refused at once with 503 and Retry-After, and
/// the same upload retried with its Idempotency-Key is accepted once the dependency is back.
/// </summary>
public sealed class FailFastTests : IAsyncLifetime
{
    // A client that gives up after 20 s, as in the outage that was reported; the answer must come long before.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);
    private readonly string _runId = RealServices.NewRunId();
    private readonly ServerFactory _server = new();
    private TcpGate _gate = null!;
    private ApiSession _competitor = null!;
    private Guid _phaseId;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // The gate goes first: a refused connection ends the server's background work at once, a silent one would not.
        await _gate.DisposeAsync();
        await _server.DisposeAsync();
        await RealServices.DropDatabaseIfUsedAsync(_runId);
    }

    [Fact]
    public Task Submit_Answers503WithRetryAfter_WhenTheDatabaseRefusesConnections()
        => AnswersFastAsync(BehindGate.Database, TcpGate.Mode.Refusing);

    [Fact]
    public Task Submit_Answers503WithRetryAfter_WhenTheDatabaseHangs()
        => AnswersFastAsync(BehindGate.Database, TcpGate.Mode.Silent);

    [Fact]
    public Task Submit_Answers503WithRetryAfter_WhenTheObjectStoreRefusesConnections()
        => AnswersFastAsync(BehindGate.ObjectStore, TcpGate.Mode.Refusing);

    [Fact]
    public async Task Submit_IsRecordedAndAnswered202AtOnce_WhenTheBusHangs()
    {
        await StartAsync(BehindGate.Bus);
        _gate.Set(TcpGate.Mode.Silent);

        var stopwatch = Stopwatch.StartNew();
        var accepted = await SubmitAsync("bus-down-1");
        stopwatch.Stop();
        Report(stopwatch.Elapsed);

        // The row was committed before the send was tried: the upload is safe, and the stuck-submission job sends it later.
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted && stopwatch.Elapsed < Bound,
            $"Answered {(int)accepted.StatusCode} after {stopwatch.Elapsed.TotalSeconds:F1} s.");
        var id = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var recorded = JsonDocument.Parse(await _competitor.Client.GetStringAsync($"/api/submissions/{id}")).RootElement;
        Assert.Equal("Received", recorded.GetProperty("status").GetString());
    }

    private enum BehindGate { Database, ObjectStore, Bus }

    private static void Report(TimeSpan elapsed)
        => TestContext.Current.TestOutputHelper?.WriteLine($"Answered after {elapsed.TotalMilliseconds:F0} ms.");

    private async Task AnswersFastAsync(BehindGate dependency, TcpGate.Mode outage)
    {
        await StartAsync(dependency);
        _gate.Set(outage);
        // Connections the pool still holds died with the outage; new ones meet it.
        NpgsqlConnection.ClearAllPools();

        var stopwatch = Stopwatch.StartNew();
        var refused = await SubmitAsync("retry-1");
        stopwatch.Stop();
        Report(stopwatch.Elapsed);

        Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable && stopwatch.Elapsed < Bound,
            $"Answered {(int)refused.StatusCode} after {stopwatch.Elapsed.TotalSeconds:F1} s.");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without a Retry-After delay.");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());

        _gate.Set(TcpGate.Mode.Open);
        var accepted = await SubmitAsync("retry-1");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    private async Task StartAsync(BehindGate dependency)
    {
        var real = RealServices.Settings(_runId);
        if (dependency == BehindGate.Database)
        {
            var database = new NpgsqlConnectionStringBuilder(real["Database:Postgres"]);
            _gate = new TcpGate(database.Host!, database.Port);
            database.Host = "127.0.0.1";
            database.Port = _gate.Port;
            _server.Settings["Database:Postgres"] = database.ConnectionString;
        }
        else if (dependency == BehindGate.Bus)
        {
            var broker = new UriBuilder(Services.RabbitMq);
            _gate = new TcpGate(broker.Host, broker.Port);
            broker.Host = "127.0.0.1";
            broker.Port = _gate.Port;
            _server.Settings["Bus:RabbitMqUrl"] = broker.Uri.ToString();
        }
        else
        {
            var endpoint = new Uri("http://" + Services.S3Endpoint);
            _gate = new TcpGate(endpoint.Host, endpoint.Port);
            await ObjectStoreRights.ProvisionAsync(_runId);
            foreach (var (key, value) in real.Where(s => s.Key.StartsWith("ObjectStore:", StringComparison.Ordinal)))
                _server.Settings[key] = value;
            _server.Settings["ObjectStore:S3:Endpoint"] = $"127.0.0.1:{_gate.Port}";
        }

        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        _phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, opensAt: DateTimeOffset.UtcNow.AddDays(-1));
        await organiser.UploadLabelsAsync(_phaseId, SampleFiles.Labels());
        _competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await _competitor.JoinAsync(slug);
    }

    private Task<HttpResponseMessage> SubmitAsync(string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/phases/{_phaseId}/submissions?fileName=predictions.csv")
        {
            Content = new StringContent(SampleFiles.Predictions(), Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return _competitor.Client.SendAsync(request);
    }
}
