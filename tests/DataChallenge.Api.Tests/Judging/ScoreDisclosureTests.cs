using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Judging;

/// <summary>
/// Anti-probing holds on the team's own reads, not only on the board. Public ROC AUC of the files used here: one
/// swapped public pair gives 0.9025, two give 0.81.
/// </summary>
public sealed class ScoreDisclosureTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;

    public async ValueTask InitializeAsync() => _arena = await JudgingArena.StartAsync();

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    private async Task BoardSettingsAsync(int scoreDecimals, double? ladderMargin)
        => await ApiSession.EnsureAsync(await _arena.Organiser.Client.PutAsJsonAsync($"/api/phases/{_arena.PhaseId}/board-settings",
            new { hidden = false, anonymise = false, scoreDecimals, ladderMargin }), "board settings");

    private Task<JsonElement> ReadAsync(ApiSession session, Guid id) => session.Client.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}");

    [Fact]
    public async Task SubmissionRead_HoldsThePublicValues_WhenTheLadderSeesNoClearImprovement()
    {
        await BoardSettingsAsync(scoreDecimals: 4, ladderMargin: 0.05);
        var first = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 1));
        // A probe: one row moved, a worse score. Its exact value would tell the team which labels it touched.
        var probe = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 2));

        var held = await ReadAsync(_arena.TeamA, probe);
        var list = await _arena.TeamA.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/submissions");

        Assert.Equal(JsonValueKind.Null, held.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, held.GetProperty("metrics").ValueKind);
        Assert.True(held.GetProperty("scoreHeld").GetBoolean());
        Assert.DoesNotContain("0.81", list.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0.9025, (await ReadAsync(_arena.TeamA, first)).GetProperty("score").GetDouble());
        Assert.Equal(0.81, (await ReadAsync(_arena.Organiser, probe)).GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task SubmissionRead_ShowsTheScore_WhenItClearlyBeatsTheTeamsShownScore()
    {
        await BoardSettingsAsync(scoreDecimals: 4, ladderMargin: 0.05);
        await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 2));
        var better = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 1));

        var read = await ReadAsync(_arena.TeamA, better);

        Assert.Equal(0.9025, read.GetProperty("score").GetDouble());
        Assert.False(read.GetProperty("scoreHeld").GetBoolean());
    }

    [Fact]
    public async Task SubmissionReads_AreRoundedToScoreDecimals_WhenTheOrganiserSetsTwo()
    {
        await BoardSettingsAsync(scoreDecimals: 2, ladderMargin: null);
        var id = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 1));

        var read = await ReadAsync(_arena.TeamA, id);

        Assert.Equal(0.90, read.GetProperty("score").GetDouble());
        Assert.All(read.GetProperty("metrics").EnumerateObject(), m => Assert.Equal(Math.Round(m.Value.GetDouble(), 2), m.Value.GetDouble()));
    }
}
