using System.Net;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Hosting.Tests;

/// <summary>Liveness asks nothing; readiness asks every dependency of the process's roles and names the one that is down.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task HealthReady_NamesEveryDependency_WhenAllAnswer()
    {
        var response = await _server.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = await ChecksAsync(response);
        Assert.Equal(["bus", "consumers", "database", "object-store"], checks.Keys.Order());
        Assert.All(checks.Values, status => Assert.Equal("Healthy", status));
    }

    [Fact]
    public async Task HealthReady_Answers503AndNamesTheObjectStore_WhenTheObjectStoreDoesNotAnswer()
    {
        // Port 9 (discard) is closed on loopback: every request to the S3 server is refused.
        _server.Settings["ObjectStore:S3:Endpoint"] = "127.0.0.1:9";
        _server.Settings["ObjectStore:S3:AccessKey"] = "nobody";
        _server.Settings["ObjectStore:S3:SecretKey"] = "nothing";
        _server.Settings["ObjectStore:S3:CreateBuckets"] = "false";
        var client = _server.CreateClient();

        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = await ChecksAsync(ready);
        Assert.Equal("Unhealthy", checks["object-store"]);
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static async Task<Dictionary<string, string>> ChecksAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return body.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
    }
}
