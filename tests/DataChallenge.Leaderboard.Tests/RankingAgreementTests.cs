using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Leaderboard.Tests;

/// <summary>
/// Every reader of a board ranks it as the live stream does: two teams tie on the primary metric (ROC AUC) and the
/// second metric (log loss, lower is better) puts the later submission first.
/// </summary>
public sealed partial class RankingAgreementTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync();
        // Both files rank every positive above every negative (ROC AUC 1 on both splits); only their confidence differs.
        await _arena.ScoredAsync(_arena.TeamA, Separated(margin: 0.01));
        _arena.Clock.Advance(TimeSpan.FromMinutes(1));
        await _arena.ScoredAsync(_arena.TeamB, Separated(margin: 0.4));
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    [Fact]
    public async Task Board_RanksTheSecondMetricsBetterTeamFirst_WhenThePrimaryMetricTies()
    {
        var expected = new[] { _arena.TeamBId, _arena.TeamAId };
        // The board follows the second result through the bus; wait until it holds both teams, then compare readers.
        await JudgingArena.EventuallyAsync(ApiOrderAsync, order => order.Length == 2, "both teams on the board");

        Assert.Equal(expected, await LiveStreamOrderAsync());
        Assert.Equal(expected, await ApiOrderAsync());
        Assert.Equal(expected, await PageOrderAsync());
    }

    private static string Separated(double margin, int rows = 60)
    {
        var text = new StringBuilder("id,label\n");
        for (var i = 0; i < rows; i++) text.Append(CultureInfo.InvariantCulture, $"r{i},{(i % 2 == 1 ? 0.5 + margin : 0.5 - margin)}\n");
        return text.ToString();
    }

    private async Task<Guid[]> ApiOrderAsync()
    {
        var board = await _arena.BoardAsync(_arena.Anonymous);
        return board.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("teamId").GetGuid()).ToArray();
    }

    private async Task<Guid[]> LiveStreamOrderAsync()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _arena.Anonymous.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard/live", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal)) continue;
            using var snapshot = JsonDocument.Parse(line["data:".Length..]);
            return snapshot.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("teamId").GetGuid()).ToArray();
        }
        throw new InvalidOperationException("The live stream ended without a board.");
    }

    private async Task<Guid[]> PageOrderAsync()
    {
        var html = await _arena.Anonymous.GetStringAsync($"/phases/{_arena.PhaseId}/leaderboard");
        return PublicRow().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToArray();
    }

    [GeneratedRegex("<tr data-team=\"([0-9a-f-]{36})\"")]
    private static partial Regex PublicRow();
}
