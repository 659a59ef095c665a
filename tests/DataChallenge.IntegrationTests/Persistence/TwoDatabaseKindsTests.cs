using System.Net;
using DataChallenge.Testing;

namespace DataChallenge.IntegrationTests.Persistence;

/// <summary>
/// One process may hold servers on SQLite and on PostgreSQL at once (tests do, and a tool may): the queries compiled
/// once for the hot paths must answer for both, each with its own model.
/// </summary>
public sealed class TwoDatabaseKindsTests : IAsyncLifetime
{
    private readonly ServerFactory _onSqlite = new();
    private PostgresOnlyServer _onPostgres = null!;

    public ValueTask InitializeAsync()
    {
        _onPostgres = new PostgresOnlyServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _onSqlite.DisposeAsync();
        await _onPostgres.DisposeAsync();
    }

    [Fact]
    public async Task BoardReads_AnswerOnBothKindsOfDatabase_TurnAndTurnAbout()
    {
        var sqlitePhase = await PhaseOnAsync(_onSqlite);
        var postgresPhase = await PhaseOnAsync(_onPostgres);

        for (var turn = 0; turn < 2; turn++)
        {
            await ReadBoardAsync(_onSqlite, sqlitePhase);
            await ReadBoardAsync(_onPostgres, postgresPhase);
        }
        // A phase of one database is not found in the other.
        using var crossed = await _onSqlite.CreateClient().GetAsync($"/api/phases/{postgresPhase}/leaderboard");
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
    }

    private static async Task<Guid> PhaseOnAsync(ServerFactory server)
    {
        var organiser = await ApiSession.RegisterAsync(server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        return await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, opensAt: DateTimeOffset.UtcNow.AddDays(-1));
    }

    private static async Task ReadBoardAsync(ServerFactory server, Guid phaseId)
    {
        using var response = await server.CreateClient().GetAsync($"/api/phases/{phaseId}/leaderboard");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
