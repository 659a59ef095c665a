using DataChallenge.Cli.Tests.Remote;
using DataChallenge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataChallenge.Cli.Tests.Commands;

/// <summary>A stored token that was revoked or has expired stops working at once, and never reaches the logs.</summary>
public sealed class TokenRefusalTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private OpenChallenge _challenge = null!;
    private CliSession _cli = null!;

    public async ValueTask InitializeAsync()
    {
        var server = new ServerFactory { ConfigureServices = services => services.AddSingleton<TimeProvider>(_clock) };
        // Every level, so the token's absence is checked in authentication's debug lines too.
        server.Settings["Logging:LogLevel:Default"] = "Trace";
        _challenge = await OpenChallenge.StartAsync(server);
        _cli = new CliSession(server);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _challenge.DisposeAsync();
    }

    [Fact]
    public async Task Submissions_Returns1_WhenTheStoredTokenWasRevoked()
    {
        var (id, token) = await CliSession.CreateTokenAsync(_challenge.Competitor);
        Assert.Equal(0, _cli.Run("login", "--server", CliSession.Server, "--token", token).Code);
        Assert.Equal(0, _cli.Run("submissions", "list", _challenge.Slug).Code);

        await ApiSession.EnsureAsync(await _challenge.Competitor.Client.DeleteAsync($"/api/account/tokens/{id}"), "revoke");
        var (code, output, error) = _cli.Run("submissions", "list", _challenge.Slug);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("refused the token", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_Returns1_WhenTheStoredTokenHasExpired()
    {
        var (_, token) = await CliSession.CreateTokenAsync(_challenge.Competitor, expiresAt: _clock.GetUtcNow().AddDays(1));
        Assert.Equal(0, _cli.Run("login", "--server", CliSession.Server, "--token", token).Code);

        _clock.Advance(TimeSpan.FromDays(1));
        var (code, _, error) = _cli.Run("submit", _challenge.Slug, _cli.Write("p.csv", SampleFiles.Predictions()));

        Assert.Equal(1, code);
        Assert.Contains("refused the token", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerLogs_NeverContainTheToken_WhenTheCliUsesItAndItIsRefused()
    {
        var (id, token) = await CliSession.CreateTokenAsync(_challenge.Competitor);
        Assert.Equal(0, _cli.Run("login", "--server", CliSession.Server, "--token", token).Code);
        Assert.Equal(0, _cli.Run("submit", _challenge.Slug, _cli.Write("p.csv", SampleFiles.Predictions()), "--wait").Code);
        await ApiSession.EnsureAsync(await _challenge.Competitor.Client.DeleteAsync($"/api/account/tokens/{id}"), "revoke");
        // The board is public: a refused token reads it as anyone would, and is still checked (and logged) on the way.
        Assert.Equal(0, _cli.Run("leaderboard", _challenge.Slug, "--json").Code);
        Assert.Equal(1, _cli.Run("submissions", "list", _challenge.Slug).Code);

        var logs = _challenge.Server.Logs.All;
        Assert.Contains("PersonalToken", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token[3..], logs, StringComparison.Ordinal);
    }
}
