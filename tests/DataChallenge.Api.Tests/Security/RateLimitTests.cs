using System.Net;
using System.Net.Http.Json;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Security;

/// <summary>Guessing, mass registration, token minting and upload floods are slowed per client and per account.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new() { ConfigureServices = ClientAddresses.AddTo };

    public RateLimitTests()
    {
        _server.Settings["RateLimits:SignInPerClientPerMinute"] = "20";
        _server.Settings["RateLimits:SignInPerAccountAndClientPerMinute"] = "5";
        _server.Settings["RateLimits:TokensPerAccountPerHour"] = "3";
        _server.Settings["RateLimits:UploadsPerAccountPerMinute"] = "2";
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Login_Answers429WithRetryAfter_WhenOneClientGuessesPasswords()
    {
        var victim = await ApiSession.RegisterAsync(ClientAddresses.For(_server, "10.0.0.1"));
        var attacker = ClientAddresses.For(_server, "10.0.0.66");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 60; i++)
            answers.Add(await attacker.PostAsJsonAsync("/api/account/login", new { email = victim.Email, password = $"wrong guess number {i}" }));

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(refused.Count >= 50, $"{refused.Count} of 60 guesses were answered 429");
        Assert.All(refused, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Login_StillWorksForTheOwner_WhenAnotherClientFailedManyTimes()
    {
        var owner = ClientAddresses.For(_server, "10.0.0.2");
        var victim = await ApiSession.RegisterAsync(owner);
        var attacker = ClientAddresses.For(_server, "10.0.0.67");
        for (var i = 0; i < 30; i++) await attacker.PostAsJsonAsync("/api/account/login", new { email = victim.Email, password = $"wrong guess number {i}" });

        var login = await owner.PostAsJsonAsync("/api/account/login", new { email = victim.Email, password = ApiSession.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Register_Answers429_WhenOneClientRegistersInBulk()
    {
        var client = ClientAddresses.For(_server, "10.0.0.3");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/account/register", new { email = $"bulk-{Guid.NewGuid():N}@example.org", password = ApiSession.Password })).StatusCode);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= 20, string.Join(", ", statuses));
    }

    [Fact]
    public async Task CreateToken_Answers429_WhenOneAccountMintsTooMany()
    {
        var session = await ApiSession.RegisterAsync(ClientAddresses.For(_server, "10.0.0.4"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await session.Client.PostAsJsonAsync("/api/account/tokens", new { name = $"t{i}" })).StatusCode);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Upload_Answers429_WhenOneAccountUploadsFasterThanTheRate()
    {
        var organiser = await ApiSession.RegisterAsync(ClientAddresses.For(_server, "10.0.0.5"));
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, opensAt: DateTimeOffset.UtcNow.AddHours(-1));
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        var competitor = await ApiSession.RegisterAsync(ClientAddresses.For(_server, "10.0.0.6"));
        await competitor.JoinAsync(slug, "Uploaders");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await competitor.SubmitRawAsync(phaseId, SampleFiles.Predictions())).StatusCode);

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
    }
}
