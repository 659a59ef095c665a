using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DataChallenge.Testing;

namespace DataChallenge.IntegrationTests;

/// <summary>
/// A RabbitMQ virtual host of the test's own, made through the management API, so that queues of the same name in
/// tests running elsewhere on the shared broker never compete for this test's messages.
/// </summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;
    private readonly string _name;

    private RabbitMqVirtualHost(HttpClient management, string name, string url) => (_management, _name, Url) = (management, name, url);

    /// <summary>The amqp:// address of the virtual host, for Bus:RabbitMqUrl.</summary>
    public string Url { get; }

    public static async Task<RabbitMqVirtualHost> CreateAsync(string runId)
    {
        var broker = new Uri(Services.RabbitMq);
        var port = broker.Port > 0 ? broker.Port : 5672;
        var user = Uri.UnescapeDataString(broker.UserInfo.Split(':')[0]);
        // start.sh puts the management listener 10000 above the AMQP port.
        var management = new HttpClient { BaseAddress = new Uri($"http://{broker.Host}:{port + 10000}/api/") };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(broker.UserInfo))));
        var name = $"dc_test_{runId}";
        (await management.PutAsJsonAsync($"vhosts/{name}", new { })).EnsureSuccessStatusCode();
        (await management.PutAsJsonAsync($"permissions/{name}/{Uri.EscapeDataString(user)}", new { configure = ".*", write = ".*", read = ".*" }))
            .EnsureSuccessStatusCode();
        return new RabbitMqVirtualHost(management, name, new UriBuilder(broker) { Path = "/" + name }.Uri.ToString());
    }

    /// <summary>Declares a durable queue with arguments of the test's choosing, before any server declares it.</summary>
    public async Task DeclareQueueAsync(string queue, IReadOnlyDictionary<string, object> arguments)
        => (await _management.PutAsJsonAsync($"queues/{_name}/{queue}", new { durable = true, arguments })).EnsureSuccessStatusCode();

    public async Task DeleteQueueAsync(string queue) => (await _management.DeleteAsync($"queues/{_name}/{queue}")).EnsureSuccessStatusCode();

    /// <summary>How many consumers the queue has; 0 when it does not exist.</summary>
    public async Task<int> ConsumersAsync(string queue)
    {
        using var response = await _management.GetAsync($"queues/{_name}/{queue}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return 0;
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).TryGetProperty("consumers", out var consumers)
            ? consumers.GetInt32() : 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"vhosts/{_name}");
        _management.Dispose();
    }
}
