using System.Net;
using System.Text.Json;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Boards;

/// <summary>
/// Per-centre values of each split. Beta's file swaps one pair of the south's public rows (r30, r31) and one pair of its
/// private rows (r40, r41); a swapped pair puts its positive below every negative and its negative above every positive.
/// By hand, south's ROC AUC is: public (5 negatives, 5 positives) 1 − (5 + 5 − 1)/25 = 0.64; private (8 negatives,
/// 7 positives) 1 − (7 + 8 − 1)/56 = 0.75; all rows (13, 12) 1 − (2·12 + 2·13 − 4)/156 = 110/156 ≈ 0.7051.
/// The north is perfect on its 30 public rows and has no private row.
/// </summary>
public sealed class SplitGroupResultsTests : IAsyncLifetime
{
    private const double PublicSouth = 0.64;
    private const double PrivateSouth = 0.75;
    private const double AllRowsSouth = 110.0 / 156;

    private JudgingArena _arena = null!;
    private Guid _beta;

    public async ValueTask InitializeAsync()
    {
        _arena = await CentreFixture.StartAsync();
        await _arena.ScoredAsync(_arena.TeamA, CentreFixture.AlphaPredictions());
        _beta = await _arena.ScoredAsync(_arena.TeamB, BetaPredictions());
        await _arena.BoardRankingAsync("Alpha", "Beta");
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    [Fact]
    public async Task SubmissionGroups_ShowATeamItsPublicCentreValues_WhenThePhaseAllowsIt()
    {
        await CentreFixture.SettingsAsync(_arena, ownGroups: true);

        var groups = Groups(await ReadAsync(_arena.TeamB.Client, $"/api/submissions/{_beta}/groups"));

        Assert.Equal([("public", "north"), ("public", "south"), ("public", "tiny")], groups.Keys.Order());
        Assert.Equal(1.0, groups[("public", "north")].GetProperty("value").GetDouble());
        Assert.Equal(PublicSouth, groups[("public", "south")].GetProperty("value").GetDouble(), 12);
        Assert.Equal(10, groups[("public", "south")].GetProperty("rows").GetInt32());
        // The tiny centre has no public row: it shows its existence only.
        Assert.True(groups[("public", "tiny")].GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, groups[("public", "tiny")].GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task Competitor_CannotReadPrivateSplitGroupValues_WhenAskingForOwnGroupsInASplitPhase()
    {
        await CentreFixture.SettingsAsync(_arena, ownGroups: true);
        // The server holds the private per-centre value: organisers see it.
        var organiser = Groups(await ReadAsync(_arena.Organiser.Client, $"/api/submissions/{_beta}/groups"));
        Assert.Equal(PrivateSouth, organiser[("private", "south")].GetProperty("value").GetDouble(), 12);
        Assert.Equal(AllRowsSouth, organiser[("all", "south")].GetProperty("value").GetDouble(), 12);

        var raw = await ReadAsync(_arena.TeamB.Client, $"/api/submissions/{_beta}/groups");

        Assert.All(Groups(raw).Keys, key => Assert.Equal("public", key.Split));
        // Neither the private value nor the all-rows one, which includes private rows, in any rounding.
        Assert.DoesNotContain("0.75", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("0.705", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("0.71", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateGroupBoard_ShowsThePrivateSplitsCentreValues_WhenPublishedAfterTheReveal()
    {
        await CentreFixture.RevealAsync(_arena);
        await CentreFixture.SettingsAsync(_arena, publishPrivate: true);

        var board = JsonDocument.Parse(await ReadAsync(_arena.Anonymous, $"/api/phases/{_arena.PhaseId}/leaderboard/groups?board=private")).RootElement;
        var teams = board.GetProperty("teams").EnumerateArray().ToDictionary(t => t.GetProperty("team").GetString()!);
        var leaders = board.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);

        Assert.Equal(PrivateSouth, teams["Beta"].GetProperty("values").GetProperty("south").GetDouble(), 12);
        Assert.Equal(15, leaders["south"].GetProperty("rows").GetInt32());
        Assert.True(leaders["north"].GetProperty("suppressed").GetBoolean());
        Assert.True(leaders["tiny"].GetProperty("suppressed").GetBoolean());
    }

    private async Task<string> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static Dictionary<(string Split, string Group), JsonElement> Groups(string raw)
        => JsonDocument.Parse(raw).RootElement.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => (g.GetProperty("split").GetString()!, g.GetProperty("group").GetString()!));

    private static string BetaPredictions()
    {
        var swapped = new Dictionary<string, string> { ["r30"] = "0.8", ["r31"] = "0.2", ["r40"] = "0.8", ["r41"] = "0.2" };
        return string.Join('\n', JudgingFiles.Predictions().Split('\n')
            .Select(line => swapped.TryGetValue(line.Split(',')[0], out var score) ? $"{line.Split(',')[0]},{score}" : line));
    }
}
