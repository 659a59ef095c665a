using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Boards;

/// <summary>
/// Per-centre results travel from the worker to the organisers' views; competitors see their own public ones only
/// when the phase allows it, the private group board only once published after the reveal, and a suppressed group
/// never with a value.
/// </summary>
public sealed class GroupResultsTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;
    private Guid _alpha;

    public async ValueTask InitializeAsync()
    {
        _arena = await CentreFixture.StartAsync();
        _alpha = await _arena.ScoredAsync(_arena.TeamA, CentreFixture.AlphaPredictions());
        await _arena.ScoredAsync(_arena.TeamB, JudgingFiles.Predictions(publicSwaps: 3));
        await _arena.BoardRankingAsync("Alpha", "Beta");
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    [Fact]
    public async Task SubmissionGroups_ShowEveryCentreToOrganisers_WithTheSmallOneValueless()
    {
        var response = await _arena.Organiser.Client.GetAsync($"/api/submissions/{_alpha}/groups", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var groups = JsonDocument.Parse(raw).RootElement.GetProperty("groups").EnumerateArray()
            .Where(g => g.GetProperty("split").GetString() == "all").ToDictionary(g => g.GetProperty("group").GetString()!);

        Assert.Equal(["north", "south", "tiny"], groups.Keys.Order());
        Assert.Equal(1.0, groups["north"].GetProperty("value").GetDouble());
        Assert.Equal(25, groups["south"].GetProperty("rows").GetInt32());
        Assert.True(groups["tiny"].GetProperty("suppressed").GetBoolean());
        Assert.Equal(5, groups["tiny"].GetProperty("rows").GetInt32());
        Assert.Equal(JsonValueKind.Null, groups["tiny"].GetProperty("value").ValueKind);
        Assert.DoesNotContain(CentreFixture.SuppressedValueText, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rescore_RefreshesEachSubmissionsGroupValues_WhenTheLabelsChange()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await _arena.Organiser.UploadLabelsAsync(_arena.PhaseId, CentreFixture.Labels(flipped: true));

        await ApiSession.EnsureAsync(await _arena.Organiser.Client.PostAsync($"/api/phases/{_arena.PhaseId}/rescore", null, cancellationToken), "rescore",
            HttpStatusCode.Accepted);
        await JudgingArena.EventuallyAsync(() => _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/rescore"),
            r => r.GetProperty("status").GetString() == "completed", "the rescoring completed");

        var body = await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/submissions/{_alpha}/groups", cancellationToken);
        var groups = body.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("split").GetString() == "all")
            .ToDictionary(g => g.GetProperty("group").GetString()!);
        // Alpha orders north and south perfectly under the first labels; the reversed labels turn both AUCs to 0.
        Assert.Equal(0.0, groups["north"].GetProperty("value").GetDouble());
        Assert.Equal(0.0, groups["south"].GetProperty("value").GetDouble());
        Assert.True(groups["tiny"].GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, groups["tiny"].GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task Competitor_CannotReadOwnGroupValues_WhenThePhaseDoesNotAllowIt()
    {
        var response = await _arena.TeamA.Client.GetAsync($"/api/submissions/{_alpha}/groups", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Competitor_CannotReadAnotherTeamsGroupValues_WhenThePhaseAllowsOwnOnes()
    {
        await CentreFixture.SettingsAsync(_arena, ownGroups: true);

        var response = await _arena.TeamB.Client.GetAsync($"/api/submissions/{_alpha}/groups", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Competitor_ReadsNoPrivateRowGroups_WhenThePhaseAllowsOwnOnes()
    {
        await CentreFixture.SettingsAsync(_arena, ownGroups: true);

        var response = await _arena.TeamA.Client.GetAsync($"/api/submissions/{_alpha}/groups", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        // Groups over all rows include private rows: with a split column a competitor sees only public-split groups.
        Assert.All(body.GetProperty("groups").EnumerateArray(), g => Assert.Equal("public", g.GetProperty("split").GetString()));
    }

    [Fact]
    public async Task GroupBoard_NamesEachCentresLeaderAndEachTeamsWorstCentre_ForOrganisers()
    {
        var response = await _arena.Organiser.Client.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard/groups", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var board = JsonDocument.Parse(raw).RootElement;
        var leaders = board.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
        var teams = board.GetProperty("teams").EnumerateArray().ToDictionary(t => t.GetProperty("team").GetString()!);

        Assert.Equal("Alpha", leaders["north"].GetProperty("leaderTeam").GetString());
        Assert.True(leaders["tiny"].GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, leaders["tiny"].GetProperty("leaderTeam").ValueKind);
        Assert.Equal(JsonValueKind.Null, leaders["tiny"].GetProperty("leaderValue").ValueKind);
        // Beta misorders three public pairs in the north: its worst centre.
        Assert.Equal("north", teams["Beta"].GetProperty("worstGroup").GetString());
        Assert.False(teams["Alpha"].GetProperty("values").TryGetProperty("tiny", out _));
        Assert.DoesNotContain(CentreFixture.SuppressedValueText, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Competitor_CannotReadThePrivateGroupBoard_BeforeTheRevealNorBeforePublication()
    {
        var path = $"/api/phases/{_arena.PhaseId}/leaderboard/groups?board=private";
        var cancellationToken = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.NotFound, (await _arena.TeamA.Client.GetAsync(path, cancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _arena.Anonymous.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard/groups", cancellationToken)).StatusCode);
        await CentreFixture.SettingsAsync(_arena, publishPrivate: true);
        Assert.Equal(HttpStatusCode.NotFound, (await _arena.TeamA.Client.GetAsync(path, cancellationToken)).StatusCode);
        await CentreFixture.SettingsAsync(_arena, publishPrivate: false);
        await CentreFixture.RevealAsync(_arena);
        Assert.Equal(HttpStatusCode.NotFound, (await _arena.Anonymous.GetAsync(path, cancellationToken)).StatusCode);
    }

    [Fact]
    public async Task PrivateGroupBoard_IsEveryonesWithTheSmallCentreValueless_WhenPublishedAfterTheReveal()
    {
        await CentreFixture.RevealAsync(_arena);
        await CentreFixture.SettingsAsync(_arena, publishPrivate: true);

        var response = await _arena.Anonymous.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard/groups?board=private", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var board = JsonDocument.Parse(raw).RootElement;

        Assert.Equal("private", board.GetProperty("board").GetString());
        Assert.Equal(2, board.GetProperty("teams").GetArrayLength());
        Assert.Contains(board.GetProperty("groups").EnumerateArray(), g => g.GetProperty("group").GetString() == "tiny" && g.GetProperty("suppressed").GetBoolean());
        Assert.DoesNotContain(CentreFixture.SuppressedValueText, raw, StringComparison.Ordinal);
    }
}
