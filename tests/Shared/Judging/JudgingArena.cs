using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataChallenge.Testing.Judging;

/// <summary>
/// One challenge with one phase on a fake clock, its organiser, two competing teams, and the organiser of another
/// challenge: every caller the judging endpoints must tell apart.
/// </summary>
public sealed class JudgingArena : IAsyncDisposable
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public ServerFactory Server { get; }
    public ApiSession Organiser { get; private set; } = null!;
    public ApiSession OtherOrganiser { get; private set; } = null!;
    public ApiSession TeamA { get; private set; } = null!;
    public ApiSession TeamB { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;
    public string Slug { get; private set; } = "";
    public Guid PhaseId { get; private set; }
    public Guid TeamAId { get; private set; }
    public Guid TeamBId { get; private set; }

    private JudgingArena()
    {
        Server = new ServerFactory { ConfigureServices = services => services.AddSingleton<TimeProvider>(Clock) };
    }

    public static async Task<JudgingArena> StartAsync(TimeSpan? closesIn = null)
    {
        var arena = new JudgingArena();
        var server = arena.Server;
        arena.Organiser = await ApiSession.RegisterAsync(server.CreateClient());
        arena.Slug = await arena.Organiser.CreateChallengeAsync();
        arena.PhaseId = await arena.Organiser.CreatePhaseAsync(arena.Slug, SampleFiles.BinaryConfig, opensAt: arena.Clock.GetUtcNow().AddHours(-1),
            closesAt: arena.Clock.GetUtcNow() + (closesIn ?? TimeSpan.FromMinutes(30)));
        await arena.Organiser.UploadLabelsAsync(arena.PhaseId, SampleFiles.Labels());
        arena.OtherOrganiser = await ApiSession.RegisterAsync(server.CreateClient());
        await arena.OtherOrganiser.CreateChallengeAsync();
        arena.TeamA = await ApiSession.RegisterAsync(server.CreateClient());
        arena.TeamB = await ApiSession.RegisterAsync(server.CreateClient());
        arena.TeamAId = await arena.TeamA.JoinAsync(arena.Slug, "Alpha");
        arena.TeamBId = await arena.TeamB.JoinAsync(arena.Slug, "Beta");
        arena.Anonymous = server.CreateClient();
        return arena;
    }

    /// <summary>Uploads a file and waits until it is scored.</summary>
    public async Task<Guid> ScoredAsync(ApiSession session, string csv)
    {
        var id = await session.SubmitAsync(PhaseId, csv);
        var outcome = await session.WaitForOutcomeAsync(id);
        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        return id;
    }

    public async Task<JsonElement> BoardAsync(HttpClient client, string board = "public")
    {
        var response = await client.GetAsync($"/api/phases/{PhaseId}/leaderboard?board={board}");
        await ApiSession.EnsureAsync(response, "read board " + board);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Waits until the public board ranks exactly <paramref name="teams"/>, in that order: boards follow scores through the bus.</summary>
    public Task<JsonElement> BoardRankingAsync(params string[] teams)
        => EventuallyAsync(() => BoardAsync(Organiser.Client),
            b => b.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("team").GetString()).SequenceEqual(teams), string.Join(", ", teams));

    /// <summary>Polls until <paramref name="condition"/> holds: board changes travel through the bus.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Never saw {what}; last: {value}");
            await Task.Delay(25);
        }
    }

    public async Task<T> WithDbAsync<T>(Func<DataChallengeDbContext, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>());
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
