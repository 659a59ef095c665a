using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Api.Features.FinalistComparisons;
using DataChallenge.Api.Jobs;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Boards;

/// <summary>
/// The paired comparison of finalists, end to end through the in-process worker. On the 20 private rows (r40..r59),
/// by accuracy: Alpha is always right; Beta is wrong on r40–r43; Gamma on those and r44–r49; Delta on those and
/// r50–r55. Each team's wrong rows hold the wrong rows of the team above it, so no resample can put it ahead; Gamma and
/// Delta are equally good on different rows, so neither is ahead more often than the other.
/// </summary>
public sealed class FinalistComparisonTests : IAsyncLifetime
{
    private const string Config = """
        {"task_type":"binary_proba","id_column":"id","label_columns":["label"],"prediction_columns":["label"],
         "metrics":["accuracy"],"primary_metric":"accuracy","split_column":"Usage"}
        """;

    private const int Resamples = 1000;

    private static readonly Dictionary<string, int[]> WrongPrivateRows = new()
    {
        ["Alpha"] = [],
        ["Beta"] = [40, 41, 42, 43],
        ["Gamma"] = [40, 41, 42, 43, 44, 45, 46, 47, 48, 49],
        ["Delta"] = [40, 41, 42, 43, 50, 51, 52, 53, 54, 55],
    };

    private JudgingArena _arena = null!;
    private ApiSession _gamma = null!;

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync();
        await _arena.WithDbAsync(async db =>
        {
            db.Phases.Single(p => p.Id == _arena.PhaseId).ScoringConfig = Config;
            return await db.SaveChangesAsync();
        });
        _gamma = await ApiSession.RegisterAsync(_arena.Server.CreateClient());
        await _gamma.JoinAsync(_arena.Slug, "Gamma");
        var delta = await ApiSession.RegisterAsync(_arena.Server.CreateClient());
        await delta.JoinAsync(_arena.Slug, "Delta");
        await _arena.ScoredAsync(_arena.TeamA, Predictions("Alpha"));
        await _arena.ScoredAsync(_arena.TeamB, Predictions("Beta"));
        await _arena.ScoredAsync(_gamma, Predictions("Gamma"));
        await _arena.ScoredAsync(delta, Predictions("Delta"));
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    [Fact]
    public async Task PrivateBoard_ShowsTheTiedFinalistsAsOneGroup_AfterTheComparison()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var started = await _arena.Organiser.Client.PostAsJsonAsync($"/api/phases/{_arena.PhaseId}/finalist-comparison", new { resamples = Resamples },
            cancellationToken);
        await ApiSession.EnsureAsync(started, "compare finalists", HttpStatusCode.Accepted);

        var result = await CompletedAsync(_arena.Organiser.Client);
        var standings = result.GetProperty("standings").EnumerateArray().ToList();
        var expected = IndependentTiedGroups();
        var found = standings.GroupBy(s => s.GetProperty("tiedGroup").GetInt32()).Select(g => g.Select(s => s.GetProperty("team").GetString()!).Order().ToList())
            .ToList();
        Assert.Equal(expected.Select(g => string.Join("+", g)), found.Select(g => string.Join("+", g)));
        var byTeam = standings.ToDictionary(s => s.GetProperty("team").GetString()!);
        Assert.Equal("1", byTeam["Alpha"].GetProperty("place").GetString());
        Assert.Equal("2", byTeam["Beta"].GetProperty("place").GetString());
        Assert.Equal("3–4", byTeam["Gamma"].GetProperty("place").GetString());
        Assert.True(byTeam["Delta"].GetProperty("tied").GetBoolean());
        Assert.Equal(1, byTeam["Alpha"].GetProperty("rankUpper").GetInt32());
        Assert.Equal(4, byTeam["Gamma"].GetProperty("rankUpper").GetInt32());
        Assert.Equal("rows", result.GetProperty("resampledUnit").GetString());

        // The private board carries the same comparison. The reveal compares the final board again by itself (the same
        // seed and resamples, so the same places), and everyone sees that one.
        var board = await _arena.BoardAsync(_arena.Organiser.Client, "private");
        Assert.Equal(result.GetProperty("comparisonId").GetGuid(), board.GetProperty("finalists").GetProperty("comparisonId").GetGuid());
        await CentreFixture.RevealAsync(_arena);
        var competitorView = await CompletedAsync(_gamma.Client);
        Assert.Equal(2, competitorView.GetProperty("standings").EnumerateArray().Count(s => s.GetProperty("tied").GetBoolean()));

        // The private export, parsed back: the tied pair shares a place and a group.
        var csv = CsvTable.Parse(await _arena.Anonymous.GetStringAsync($"/phases/{_arena.PhaseId}/leaderboard?handler=csv&board=private", cancellationToken));
        var rows = csv.Rows.ToDictionary(r => r["team"]);
        Assert.Equal("3–4", rows["Gamma"]["place"]);
        Assert.Equal(rows["Gamma"]["tied_group"], rows["Delta"]["tied_group"]);
        Assert.NotEqual(rows["Beta"]["tied_group"], rows["Gamma"]["tied_group"]);
        Assert.Equal("false", rows["Alpha"]["tied"]);
        Assert.Equal(byTeam["Beta"].GetProperty("probabilityBetterThanNext").GetDouble(), CsvTable.Number(rows["Beta"]["p_better_than_next"]));

        var page = WebUtility.HtmlDecode(await _arena.Anonymous.GetStringAsync($"/phases/{_arena.PhaseId}/leaderboard", cancellationToken));
        Assert.Contains("id=\"finalists\"", page, StringComparison.Ordinal);
        Assert.Contains("⟦ 3–4", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Competitor_CannotReadOrStartTheComparison_BeforeTheReveal()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var path = $"/api/phases/{_arena.PhaseId}/finalist-comparison";
        Assert.Equal(HttpStatusCode.NotFound, (await _gamma.Client.PostAsJsonAsync(path, new { resamples = 100 }, cancellationToken)).StatusCode);
        await ApiSession.EnsureAsync(await _arena.Organiser.Client.PostAsJsonAsync(path, new { resamples = 100 }, cancellationToken), "compare",
            HttpStatusCode.Accepted);
        await CompletedAsync(_arena.Organiser.Client);

        var response = await _gamma.Client.GetAsync(path, cancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _arena.Anonymous.GetAsync(path, cancellationToken)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await _gamma.Client.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard?board=private", cancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Comparison_StartsByItselfOncePerLabelsVersion_WhenThePrivateBoardIsRevealed()
    {
        await CentreFixture.RevealAsync(_arena);

        var result = await CompletedAsync(_arena.Organiser.Client);
        Assert.Equal(4, result.GetProperty("standings").GetArrayLength());
        Assert.Equal(CompareFinalistsRequest.DefaultResamples, result.GetProperty("resamples").GetInt32());

        // A repeated trigger (the scheduled job, after the organiser's reveal) starts no second run for the same labels.
        await using (var scope = _arena.Server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RevealDuePhasesJob>().RunAsync(TestContext.Current.CancellationToken);
        await CentreFixture.RevealAsync(_arena);
        Assert.Equal(1, await _arena.WithDbAsync(db => db.FinalistComparisonRuns.CountAsync(r => r.PhaseId == _arena.PhaseId)));
    }

    [Fact]
    public async Task Comparison_IsFailedAsStuckAndCanStartAgain_WhenItsWorkerStopsReporting()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var path = $"/api/phases/{_arena.PhaseId}/finalist-comparison";
        // A run whose worker died after its first report: nothing will ever complete it.
        var stuck = new FinalistComparisonRun
        {
            PhaseId = _arena.PhaseId, RequestedAt = _arena.Clock.GetUtcNow(), Resamples = Resamples, ResampledUnit = "rows", Progress = 0.05,
        };
        await _arena.WithDbAsync(db =>
        {
            db.FinalistComparisonRuns.Add(stuck);
            return db.SaveChangesAsync();
        });

        _arena.Clock.Advance(TimeSpan.FromMinutes(9));
        var waiting = await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>(path, cancellationToken);
        Assert.Equal("running", waiting.GetProperty("status").GetString());

        _arena.Clock.Advance(TimeSpan.FromMinutes(2));
        var failed = await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>(path, cancellationToken);
        Assert.Equal(stuck.Id, failed.GetProperty("comparisonId").GetGuid());
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("no progress", failed.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);

        await ApiSession.EnsureAsync(await _arena.Organiser.Client.PostAsJsonAsync(path, new { resamples = 100 }, cancellationToken), "compare again",
            HttpStatusCode.Accepted);
        var again = await CompletedAsync(_arena.Organiser.Client);
        Assert.NotEqual(stuck.Id, again.GetProperty("comparisonId").GetGuid());
    }

    [Fact]
    public async Task PrivateBoard_RanksAsBefore_WhenNoComparisonWasMade()
    {
        var board = await _arena.BoardAsync(_arena.Organiser.Client, "private");

        Assert.Equal(4, board.GetProperty("rows").GetArrayLength());
        Assert.Equal("Alpha", board.GetProperty("rows")[0].GetProperty("team").GetString());
        Assert.Equal(JsonValueKind.Null, board.GetProperty("finalists").ValueKind);
        var missing = await _arena.Organiser.Client.GetAsync($"/api/phases/{_arena.PhaseId}/finalist-comparison", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<JsonElement> CompletedAsync(HttpClient client)
        => await JudgingArena.EventuallyAsync(async () =>
                (await client.GetAsync($"/api/phases/{_arena.PhaseId}/finalist-comparison")) is { StatusCode: HttpStatusCode.OK } ok
                    ? await ok.Content.ReadFromJsonAsync<JsonElement>()
                    : default,
            c => c.ValueKind == JsonValueKind.Object && c.GetProperty("status").GetString() == "completed", "a completed comparison");

    /// <summary>Right on every row except the team's wrong private rows; labels are 1 on odd rows.</summary>
    private static string Predictions(string team)
    {
        var text = new StringBuilder("id,label\n");
        for (var i = 0; i < 60; i++)
        {
            var right = !WrongPrivateRows[team].Contains(i);
            var label = i % 2;
            text.Append(CultureInfo.InvariantCulture, $"r{i},{((label == 1) == right ? 0.9 : 0.1)}\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// The tied groups by a paired bootstrap written here from the definition, with its own random numbers: per
    /// resample, 20 private rows drawn with replacement, each team's accuracy on them; adjacent teams (by accuracy on
    /// all private rows) are tied when the upper one is better in under 95 % of resamples (equal counts half).
    /// </summary>
    private static List<List<string>> IndependentTiedGroups()
    {
        var teams = WrongPrivateRows.OrderBy(t => t.Value.Length).Select(t => t.Key).ToList();
        var random = new Random(14);
        var better = new double[teams.Count - 1];
        for (var r = 0; r < Resamples; r++)
        {
            var drawn = Enumerable.Range(0, 20).Select(_ => 40 + random.Next(20)).ToList();
            var correct = teams.Select(t => drawn.Count(row => !WrongPrivateRows[t].Contains(row))).ToList();
            for (var i = 0; i < better.Length; i++) better[i] += correct[i] > correct[i + 1] ? 1 : correct[i] == correct[i + 1] ? 0.5 : 0;
        }

        var groups = new List<List<string>> { new() { teams[0] } };
        for (var i = 0; i < better.Length; i++)
        {
            if (better[i] / Resamples < 0.95) groups[^1].Add(teams[i + 1]);
            else groups.Add([teams[i + 1]]);
        }
        return groups.Select(g => g.Order().ToList()).ToList();
    }
}
