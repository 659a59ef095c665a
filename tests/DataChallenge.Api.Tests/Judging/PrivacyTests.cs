using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Judging;

/// <summary>
/// Before the reveal no private value reaches anyone but the organisers. Team A's file is perfect on the public rows
/// and poor on the private ones (public AUC 1, private AUC well below), so any private value served would show.
/// </summary>
public sealed class PrivacyTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;
    private Guid _submissionId;

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync();
        _submissionId = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 0, privateSwaps: 4));
        await _arena.BoardRankingAsync("Alpha");
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    private async Task<double> StoredPrivateScoreAsync()
        => await _arena.WithDbAsync(db => Task.FromResult(db.Submissions.Single(s => s.Id == _submissionId).PrivateScore!.Value));

    [Fact]
    public async Task SubmissionReads_CarryNoPrivateValue_WhenTheTeamAsksBeforeTheReveal()
    {
        var one = await _arena.TeamA.Client.GetStringAsync($"/api/submissions/{_submissionId}");
        var mine = await _arena.TeamA.Client.GetStringAsync($"/api/phases/{_arena.PhaseId}/submissions");

        Assert.True(await StoredPrivateScoreAsync() < 0.95);
        var privateScore = Math.Round(await StoredPrivateScoreAsync(), 4);
        foreach (var body in new[] { one, mine })
        {
            Assert.DoesNotContain("private", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(privateScore, Numbers(JsonDocument.Parse(body).RootElement));
        }
        Assert.Equal(1.0, JsonDocument.Parse(one).RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task SubmissionRead_CarriesThePrivateScore_WhenTheOrganiserAsks()
    {
        var body = JsonDocument.Parse(await _arena.Organiser.Client.GetStringAsync($"/api/submissions/{_submissionId}")).RootElement;

        Assert.Equal(Math.Round(await StoredPrivateScoreAsync(), 4), body.GetProperty("privateScore").GetDouble());
    }

    [Fact]
    public async Task PublicBoard_ShowsOnlyThePublicScore_BeforeTheReveal()
    {
        var body = await _arena.Anonymous.GetStringAsync($"/api/phases/{_arena.PhaseId}/leaderboard");
        var board = JsonDocument.Parse(body).RootElement;

        Assert.Equal(1.0, board.GetProperty("rows")[0].GetProperty("score").GetDouble());
        Assert.DoesNotContain(Math.Round(await StoredPrivateScoreAsync(), 4), Numbers(board));
    }

    [Fact]
    public async Task LiveStream_ShowsOnlyThePublicScore_BeforeTheReveal()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await _arena.Anonymous.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard/live", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        string? line;
        do line = await reader.ReadLineAsync(cancel.Token); while (line is not null && !line.StartsWith("data:", StringComparison.Ordinal));

        Assert.NotNull(line);
        var board = JsonDocument.Parse(line["data:".Length..]).RootElement;
        Assert.Equal(1.0, board.GetProperty("rows")[0].GetProperty("score").GetDouble());
        Assert.DoesNotContain(Math.Round(await StoredPrivateScoreAsync(), 4), Numbers(board));
    }

    [Fact]
    public async Task PrivateBoard_Answers403_WhenACompetitorOrAnonymousAsksBeforeTheReveal()
    {
        var competitor = await _arena.TeamA.Client.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard?board=private");
        var anonymous = await _arena.Anonymous.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard?board=private");

        Assert.Equal(HttpStatusCode.Forbidden, competitor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.DoesNotContain("score", await competitor.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PrivateBoard_ShowsThePrivateScore_WhenTheOrganiserAsksBeforeTheReveal()
    {
        var board = await _arena.BoardAsync(_arena.Organiser.Client, "private");

        Assert.Equal("private", board.GetProperty("board").GetString());
        Assert.Equal(Math.Round(await StoredPrivateScoreAsync(), 4), board.GetProperty("rows")[0].GetProperty("score").GetDouble());
        Assert.Equal(1, board.GetProperty("rows")[0].GetProperty("publicRank").GetInt32());
    }

    [Fact]
    public async Task Scores_AreServedAtThePhasePrecision_WhenTheOrganiserSetsTwoDecimals()
    {
        var worse = await _arena.ScoredAsync(_arena.TeamB, JudgingFiles.Predictions(publicSwaps: 3));
        var settings = await _arena.Organiser.Client.PutAsJsonAsync($"/api/phases/{_arena.PhaseId}/board-settings",
            new { hidden = false, anonymise = false, scoreDecimals = 2, ladderMargin = (double?)null });
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);

        var stored = await _arena.WithDbAsync(db => Task.FromResult(db.Submissions.Single(s => s.Id == worse).PublicScore!.Value));
        var mine = JsonDocument.Parse(await _arena.TeamB.Client.GetStringAsync($"/api/submissions/{worse}")).RootElement;
        Assert.NotEqual(Math.Round(stored, 2), stored);
        Assert.Equal(Math.Round(stored, 2), mine.GetProperty("score").GetDouble());
        var board = await JudgingArena.EventuallyAsync(() => _arena.BoardAsync(_arena.Anonymous),
            b => b.GetProperty("scoreDecimals").GetInt32() == 2, "the board at two decimals");
        Assert.Equal(Math.Round(stored, 2), board.GetProperty("rows")[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Ladder_KeepsTheShownScore_WhenANewBestDoesNotBeatItByTheMargin()
    {
        var first = await _arena.ScoredAsync(_arena.TeamB, JudgingFiles.Predictions(publicSwaps: 4));
        await _arena.Organiser.Client.PutAsJsonAsync($"/api/phases/{_arena.PhaseId}/board-settings",
            new { hidden = false, anonymise = false, scoreDecimals = 4, ladderMargin = 0.1 });
        var slightlyBetter = await _arena.ScoredAsync(_arena.TeamB, JudgingFiles.Predictions(publicSwaps: 3));

        var beta = await BetaRowAsync(entries: 2);
        var firstScore = await _arena.WithDbAsync(db => Task.FromResult(db.Submissions.Single(s => s.Id == first).PublicScore!.Value));
        var betterScore = await _arena.WithDbAsync(db => Task.FromResult(db.Submissions.Single(s => s.Id == slightlyBetter).PublicScore!.Value));
        Assert.True(betterScore > firstScore && betterScore - firstScore < 0.1);
        Assert.Equal(Math.Round(firstScore, 4), beta.GetProperty("score").GetDouble());

        await _arena.ScoredAsync(_arena.TeamB, JudgingFiles.Predictions(publicSwaps: 0));
        beta = await BetaRowAsync(entries: 3);
        Assert.Equal(1.0, beta.GetProperty("score").GetDouble());
    }

    /// <summary>Beta's row once the board counts its <paramref name="entries"/> scored files: boards follow scores through the bus.</summary>
    private async Task<JsonElement> BetaRowAsync(int entries)
    {
        var board = await JudgingArena.EventuallyAsync(() => _arena.BoardAsync(_arena.Anonymous),
            b => b.GetProperty("rows").EnumerateArray().Any(r => r.GetProperty("team").GetString() == "Beta" && r.GetProperty("entries").GetInt32() == entries),
            $"Beta with {entries} entries");
        return board.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("team").GetString() == "Beta");
    }

    /// <summary>Every number anywhere in a JSON document, rounded as scores are served.</summary>
    private static List<double> Numbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => [Math.Round(element.GetDouble(), 4)],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Numbers).ToList(),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Numbers(p.Value)).ToList(),
        _ => [],
    };
}
