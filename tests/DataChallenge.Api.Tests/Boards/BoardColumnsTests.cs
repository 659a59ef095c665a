using System.Net;
using System.Text.Json;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Boards;

/// <summary>Every metric of the phase is a board column, in the JSON, on the page and in both CSV exports; the ranking stays the phase's.</summary>
public sealed class BoardColumnsTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync();
        await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 1, privateSwaps: 4));
        await _arena.ScoredAsync(_arena.TeamB, JudgingFiles.Predictions(publicSwaps: 3));
        await _arena.BoardRankingAsync("Alpha", "Beta");
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    [Fact]
    public async Task BoardJson_CarriesEveryMetricPrimaryFirst_ForEachRow()
    {
        var board = await _arena.BoardAsync(_arena.Anonymous);

        Assert.Equal(["roc_auc", "log_loss"], board.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
        foreach (var row in board.GetProperty("rows").EnumerateArray())
        {
            var values = row.GetProperty("values").EnumerateArray().ToList();
            Assert.Equal(2, values.Count);
            Assert.Equal(row.GetProperty("score").GetDouble(), values[0].GetDouble());
            Assert.True(values[1].GetDouble() > 0);
        }
        Assert.False(board.GetProperty("rows")[0].TryGetProperty("submissionId", out _));
    }

    [Fact]
    public async Task PublicCsv_ParsesBackWithEveryMetric_MatchingTheBoard()
    {
        var board = await _arena.BoardAsync(_arena.Anonymous);

        var csv = CsvTable.Parse(await _arena.Anonymous.GetStringAsync($"/phases/{_arena.PhaseId}/leaderboard?handler=csv", TestContext.Current.CancellationToken));

        Assert.Equal(["rank", "team", "score"], csv.Header.Take(3));
        Assert.Contains("roc_auc", csv.Header);
        Assert.Contains("log_loss", csv.Header);
        Assert.Equal(["Alpha", "Beta"], csv.Rows.Select(r => r["team"]));
        var rows = board.GetProperty("rows").EnumerateArray().ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].GetProperty("values")[1].GetDouble(), CsvTable.Number(csv.Rows[i]["log_loss"]));
            Assert.Equal(rows[i].GetProperty("score").GetDouble(), CsvTable.Number(csv.Rows[i]["roc_auc"]));
        }
    }

    [Fact]
    public async Task PrivateCsv_RanksByPrivateValues_AfterTheReveal()
    {
        await CentreFixture.RevealAsync(_arena);
        var board = await _arena.BoardAsync(_arena.Anonymous, "private");

        var csv = CsvTable.Parse(await _arena.Anonymous.GetStringAsync($"/phases/{_arena.PhaseId}/leaderboard?handler=csv&board=private",
            TestContext.Current.CancellationToken));

        // Alpha misorders four private pairs, Beta none: the private board turns the public order round.
        Assert.Equal(["Beta", "Alpha"], csv.Rows.Select(r => r["team"]));
        Assert.Equal(board.GetProperty("rows")[1].GetProperty("values")[1].GetDouble(), CsvTable.Number(csv.Rows[1]["log_loss"]));
    }

    [Fact]
    public async Task PrivateCsv_AnswersNotFound_BeforeTheReveal()
    {
        var response = await _arena.TeamA.Client.GetAsync($"/phases/{_arena.PhaseId}/leaderboard?handler=csv&board=private", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task BoardPage_ShowsEveryMetricAsASortableColumn_UnderAScriptOnlyFromItsOwnOrigin()
    {
        var response = await _arena.Anonymous.GetAsync($"/phases/{_arena.PhaseId}/leaderboard", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("data-sort=\"num\">log_loss</th>", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/assets/board-sort.js\" defer></script>", html, StringComparison.Ordinal);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        var script = await _arena.Anonymous.GetStringAsync("/assets/board-sort.js", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
    }
}
