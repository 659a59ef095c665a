using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Leaderboard.Tests;

/// <summary>A board's version is stored with its phase: it grows with every change, survives a restart and names each live event.</summary>
public sealed class BoardVersionTests : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "datachallenge-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task BoardVersion_GrowsWithEveryScoreAndSurvivesARestart_WhenTheServerStartsAgainOnItsDatabase()
    {
        Guid phaseId;
        var versions = new List<long>();
        await using (var first = Server())
        {
            var organiser = await ApiSession.RegisterAsync(first.CreateClient());
            var slug = await organiser.CreateChallengeAsync();
            phaseId = await organiser.CreateSamplePhaseAsync(slug);
            var competitor = await ApiSession.RegisterAsync(first.CreateClient());
            await competitor.JoinAsync(slug);
            for (var i = 0; i < 3; i++)
            {
                await competitor.WaitForOutcomeAsync(await competitor.SubmitAsync(phaseId, SampleFiles.Predictions(swaps: i)));
                versions.Add(Version(await competitor.LeaderboardWithEntriesAsync(phaseId, i + 1)));
            }
        }
        Assert.True(versions.SequenceEqual(versions.Order().Distinct()), $"versions {string.Join(", ", versions)}");

        await using var second = Server();
        var again = Version(await second.CreateClient().GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/leaderboard"));

        Assert.True(again >= versions[^1], $"The board restarted at version {again}, below {versions[^1]} served before.");
    }

    [Fact]
    public async Task LiveBoard_NamesEachEventByTheBoardVersion_WhenAClientWatches()
    {
        await using var server = Server();
        var organiser = await ApiSession.RegisterAsync(server.CreateClient());
        var phaseId = await organiser.CreateSamplePhaseAsync(await organiser.CreateChallengeAsync());
        var board = await organiser.LeaderboardAsync(phaseId);

        using var response = await organiser.Client.GetAsync($"/api/phases/{phaseId}/leaderboard/live", HttpCompletionOption.ResponseHeadersRead,
            TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var fields = new List<string>();
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { Length: > 0 } line) fields.Add(line);

        Assert.Contains($"id: {Version(board)}", fields);
        Assert.Contains("event: board", fields);
    }

    private ServerFactory Server()
    {
        var server = new ServerFactory();
        server.Settings["Database:Sqlite"] = $"Data Source={Path.Combine(_folder, "datachallenge.db")};Default Timeout=30";
        return server;
    }

    private static long Version(JsonElement board) => board.GetProperty("version").GetInt64();

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
