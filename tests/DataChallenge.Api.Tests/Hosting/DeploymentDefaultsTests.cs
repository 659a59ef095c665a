using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataChallenge.Api.Tests.Hosting;

/// <summary>What a deployment gets without extra settings: no demo accounts, HTTPS honoured behind a proxy, tokens that end.</summary>
public sealed class DeploymentDefaultsTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new() { ConfigureServices = ClientAddresses.AddTo };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Demo_IsNotSeeded_WhenTheServerRunsOnSqliteWithItsOwnDataFolder()
    {
        // The container image: SQLite in a configured data folder, no demo setting.
        await using var server = new ServerFactory();
        server.Settings.Remove("Demo:Enabled");

        var hosted = server.Services.GetServices<IHostedService>();

        Assert.DoesNotContain(hosted, service => service.GetType().Name == "DemoSeeder");
    }

    [Fact]
    public async Task PersonalToken_IsRefused_WhenThePasswordChanged()
    {
        var session = await ApiSession.RegisterAsync(_server.CreateClient());
        var token = await CreateTokenAsync(session);
        var withToken = _server.CreateClient();
        withToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await withToken.GetAsync("/api/account/tokens")).StatusCode);

        var changed = await session.Client.PostAsJsonAsync("/api/account/manage/info", new { oldPassword = ApiSession.Password, newPassword = "a brand new passphrase" });

        await ApiSession.EnsureAsync(changed, "change the password");
        Assert.Equal(HttpStatusCode.Unauthorized, (await withToken.GetAsync("/api/account/tokens")).StatusCode);
    }

    [Fact]
    public async Task PersonalToken_ExpiresAfterTheDefaultLifetime_WhenCreatedWithoutAnExpiry()
    {
        var session = await ApiSession.RegisterAsync(_server.CreateClient());

        var token = await CreateTokenAsync(session);

        Assert.Equal(JsonValueKind.String, token.GetProperty("expiresAt").ValueKind);
        var lifetime = token.GetProperty("expiresAt").GetDateTimeOffset() - token.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(90), lifetime);
    }

    [Fact]
    public async Task Hsts_IsSent_WhenAProxyOnLoopbackForwardsAnHttpsRequest()
    {
        var response = await ForwardedHttpsFromAsync("127.0.0.1");

        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "no Strict-Transport-Security header");
    }

    [Fact]
    public async Task ForwardedHeaders_AreIgnored_WhenTheyDoNotComeFromAKnownProxy()
    {
        var response = await ForwardedHttpsFromAsync("198.51.100.7");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    // What a TLS proxy sends on for a browser's https request; the host is a public name, since localhost never gets HSTS.
    private async Task<HttpResponseMessage> ForwardedHttpsFromAsync(string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = "challenges.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        return await ClientAddresses.For(_server, peer).SendAsync(request);
    }

    [Fact]
    public async Task Upload_IsRefused_WhenAFormFieldBeforeTheFileIsHuge()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, opensAt: DateTimeOffset.UtcNow.AddHours(-1));
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(slug, "Padders");
        var form = new MultipartFormDataContent
        {
            { new StringContent(new string('x', 4 * 1024 * 1024)), "padding" },
            { new StringContent(SampleFiles.Predictions(), Encoding.UTF8, "text/csv"), "file", "predictions.csv" },
        };

        var response = await competitor.Client.PostAsync($"/api/phases/{phaseId}/submissions", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static async Task<JsonElement> CreateTokenAsync(ApiSession session)
    {
        var response = await session.Client.PostAsJsonAsync("/api/account/tokens", new { name = "laptop" });
        await ApiSession.EnsureAsync(response, "create a token", HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
