using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DataChallenge.Api.Tests.Tokens;

/// <summary>Personal API tokens: shown once, stored hashed, refused as soon as they are revoked or expired.</summary>
public sealed class TokenEndpointsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly CapturedLogs _logs = new();
    private readonly ServerFactory _server;
    private ApiSession _owner = null!;

    public TokenEndpointsTests()
    {
        _server = new ServerFactory
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddSingleton<ILoggerProvider>(_logs);
            },
        };
        _server.Settings["Logging:LogLevel:Default"] = "Trace";
    }

    public async ValueTask InitializeAsync() => _owner = await ApiSession.RegisterAsync(_server.CreateClient());

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Create_ReturnsTheTextOnlyOnce_WhenATokenIsCreated()
    {
        var created = await CreateAsync("laptop");

        var text = created.GetProperty("token").GetString()!;
        Assert.StartsWith("dc_", text, StringComparison.Ordinal);
        Assert.Equal(46, text.Length);
        var list = await _owner.Client.GetStringAsync("/api/account/tokens");
        Assert.DoesNotContain(text, list, StringComparison.Ordinal);
        Assert.DoesNotContain(text[3..], list, StringComparison.Ordinal);
        var entry = Assert.Single(JsonDocument.Parse(list).RootElement.EnumerateArray());
        Assert.Equal("laptop", entry.GetProperty("name").GetString());
        Assert.Equal(created.GetProperty("id").GetGuid(), entry.GetProperty("id").GetGuid());
        Assert.False(entry.TryGetProperty("token", out _));
    }

    [Fact]
    public async Task Token_SignsTheOwnerIn_WhenSentAsBearer()
    {
        var text = (await CreateAsync("ci")).GetProperty("token").GetString()!;

        var response = await WithToken(text).GetAsync("/api/account/tokens");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal("ci", entry.GetProperty("name").GetString());
        Assert.NotEqual(JsonValueKind.Null, entry.GetProperty("lastUsedAt").ValueKind);
        var slug = await new ApiSession(WithToken(text), _owner.Email).CreateChallengeAsync();
        Assert.False(string.IsNullOrEmpty(slug));
    }

    [Fact]
    public async Task Token_IsRefused_WhenRevoked()
    {
        var created = await CreateAsync("old");
        var client = WithToken(created.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/tokens")).StatusCode);

        var revoke = await _owner.Client.DeleteAsync($"/api/account/tokens/{created.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/tokens")).StatusCode);
    }

    [Fact]
    public async Task Token_IsRefused_WhenExpired()
    {
        var created = await CreateAsync("short", _clock.GetUtcNow().AddHours(1));
        var client = WithToken(created.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/tokens")).StatusCode);

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/tokens")).StatusCode);
    }

    [Fact]
    public async Task Token_IsRefused_WhenUnknown()
    {
        var response = await WithToken("dc_" + new string('A', 43)).GetAsync("/api/account/tokens");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Create_Answers400_WhenExpiryIsInThePast()
    {
        var response = await _owner.Client.PostAsJsonAsync("/api/account/tokens", new { name = "late", expiresAt = _clock.GetUtcNow().AddMinutes(-1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Create_Answers409_WhenTheNameIsTaken()
    {
        await CreateAsync("twice");

        var response = await _owner.Client.PostAsJsonAsync("/api/account/tokens", new { name = "twice" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Delete_Answers404_WhenTheTokenIsSomeoneElses()
    {
        var created = await CreateAsync("mine");
        var stranger = await ApiSession.RegisterAsync(_server.CreateClient());

        var response = await stranger.Client.DeleteAsync($"/api/account/tokens/{created.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(created.GetProperty("token").GetString()!).GetAsync("/api/account/tokens")).StatusCode);
    }

    [Fact]
    public async Task Logs_NeverContainTheToken_WhenItIsUsedRevokedAndRefused()
    {
        var created = await CreateAsync("logged");
        var text = created.GetProperty("token").GetString()!;
        var client = WithToken(text);
        await client.GetAsync("/api/account/tokens");
        await _owner.Client.DeleteAsync($"/api/account/tokens/{created.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/tokens")).StatusCode);

        Assert.NotEmpty(_logs.Lines);
        Assert.Contains(_logs.Lines, line => line.Contains("PersonalToken", StringComparison.Ordinal));
        Assert.DoesNotContain(text[3..], _logs.All, StringComparison.Ordinal);
    }

    private async Task<JsonElement> CreateAsync(string name, DateTimeOffset? expiresAt = null)
    {
        var response = await _owner.Client.PostAsJsonAsync("/api/account/tokens", new { name, expiresAt });
        await ApiSession.EnsureAsync(response, "create token", HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private HttpClient WithToken(string token)
    {
        var client = _server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
