using System.Net.Http.Json;
using DataChallenge.Cli.Tests.Remote;
using DataChallenge.Testing;

namespace DataChallenge.Cli.Tests.Commands;

/// <summary>A used-up quota reaches the terminal as exit code 4 and the server's words on when the next place opens.</summary>
public sealed class SubmitQuotaTests : IAsyncLifetime
{
    private OpenChallenge _challenge = null!;
    private CliSession _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _challenge = await OpenChallenge.StartAsync();
        await ApiSession.EnsureAsync(await _challenge.Organiser.Client.PutAsJsonAsync($"/api/phases/{_challenge.PhaseId}",
            new { name = "Main", opensAt = DateTimeOffset.UtcNow.AddDays(-1), maxSubmissionsPerDay = 1 }), "limit the quota");
        _cli = new CliSession(_challenge.Server);
        var (_, token) = await CliSession.CreateTokenAsync(_challenge.Competitor);
        Assert.Equal(0, _cli.Run("login", "--server", CliSession.Server, "--token", token).Code);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _challenge.DisposeAsync();
    }

    [Fact]
    public void Submit_Returns4WithTheNextOpening_WhenTheDailyQuotaIsUsed()
    {
        var file = _cli.Write("good.csv", SampleFiles.Predictions());
        Assert.Equal(0, _cli.Run("submit", _challenge.Slug, file).Code);

        var (code, _, error) = _cli.Run("submit", _challenge.Slug, file);

        Assert.Equal(4, code);
        Assert.Contains("The daily limit is reached: Your team has used all 1 submissions of today (UTC).", error, StringComparison.Ordinal);
        Assert.Contains("UTC midnight", error, StringComparison.Ordinal);
    }
}
