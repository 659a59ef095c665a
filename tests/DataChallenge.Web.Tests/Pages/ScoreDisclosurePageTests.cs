using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DataChallenge.Testing;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>
/// The pages show competitors what the phase's rounding and Ladder allow, like the API. Public ROC AUC of the sample
/// files: no swap 1.0, one swapped pair 0.9025, two 0.81; <see cref="AlmostPerfect"/> 0.9975.
/// </summary>
public sealed partial class ScoreDisclosurePageTests : IAsyncLifetime
{
    private ChallengeStage _stage = null!;
    private Guid _phaseId;

    public async ValueTask InitializeAsync()
    {
        _stage = await ChallengeStage.StartAsync();
        _phaseId = await _stage.Organiser.CreateSamplePhaseAsync(_stage.Slug);
    }

    public ValueTask DisposeAsync() => _stage.DisposeAsync();

    /// <summary>One positive drops below one negative: 399 of 400 pairs in order.</summary>
    private static string AlmostPerfect() => SampleFiles.Predictions().Replace("r1,0.6\n", "r1,0.399\n", StringComparison.Ordinal);

    private async Task BoardSettingsAsync(int scoreDecimals, double? ladderMargin)
        => await ApiSession.EnsureAsync(await _stage.Organiser.Client.PutAsJsonAsync($"/api/phases/{_phaseId}/board-settings",
            new { hidden = false, anonymise = false, scoreDecimals, ladderMargin }), "board settings");

    private async Task<PageBrowser> CompetitorAsync()
    {
        var competitor = await PageBrowser.SignUpAsync(_stage.Server);
        await competitor.Api.JoinAsync(_stage.Slug);
        return competitor;
    }

    private async Task<Guid> ScoredAsync(PageBrowser competitor, string csv)
    {
        var id = await competitor.Api.SubmitAsync(_phaseId, csv);
        Assert.Equal("Scored", (await competitor.Api.WaitForOutcomeAsync(id)).GetProperty("status").GetString());
        return id;
    }

    private static string Chart(string page) => ChartPattern().Match(page) is { Success: true } chart ? chart.Value : "";

    [GeneratedRegex("<svg class=\"chart\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex ChartPattern();

    [Fact]
    public async Task SubmitPage_ShowsScoresAtThePhasePrecision_WhenScoreDecimalsIsTwo()
    {
        await BoardSettingsAsync(scoreDecimals: 2, ladderMargin: null);
        var competitor = await CompetitorAsync();
        await ScoredAsync(competitor, SampleFiles.Predictions(swaps: 1));

        var page = await competitor.Browser.GetStringAsync($"/phases/{_phaseId}/submit");

        Assert.Contains(">0.90<", page);
        Assert.DoesNotContain("0.9025", page);
    }

    [Fact]
    public async Task SubmitPage_HoldsTheScore_WhenTheLadderSeesNoClearImprovement()
    {
        await BoardSettingsAsync(scoreDecimals: 4, ladderMargin: 0.05);
        var competitor = await CompetitorAsync();
        await ScoredAsync(competitor, SampleFiles.Predictions(swaps: 1));
        await ScoredAsync(competitor, SampleFiles.Predictions(swaps: 2));

        var page = await competitor.Browser.GetStringAsync($"/phases/{_phaseId}/submit");

        Assert.Contains("0.9025", page);
        Assert.Contains("No clear improvement", page);
        Assert.DoesNotContain("0.8100", page);
    }

    [Fact]
    public async Task BoardChart_LeavesOutInvalidatedFiles_WhenDrawingTheBestScore()
    {
        var cheater = await CompetitorAsync();
        var invalid = await ScoredAsync(cheater, SampleFiles.Predictions());
        await ApiSession.EnsureAsync(await _stage.Organiser.Client.PostAsJsonAsync($"/api/submissions/{invalid}/invalidate", new { reason = "Hand-labelled test rows." }),
            "invalidate");
        var competitor = await CompetitorAsync();
        await ScoredAsync(competitor, SampleFiles.Predictions(swaps: 1));

        var chart = Chart(await competitor.Browser.GetStringAsync($"/phases/{_phaseId}/leaderboard"));

        Assert.Contains("0.9025", chart);
        Assert.DoesNotContain("1.0000", chart);
    }

    [Fact]
    public async Task BoardChart_MovesOnlyOnRoundedImprovements_WhenScoreDecimalsIsTwo()
    {
        await BoardSettingsAsync(scoreDecimals: 2, ladderMargin: null);
        var competitor = await CompetitorAsync();
        await ScoredAsync(competitor, AlmostPerfect());
        await ScoredAsync(competitor, SampleFiles.Predictions());

        var chart = Chart(await competitor.Browser.GetStringAsync($"/phases/{_phaseId}/leaderboard"));

        // 0.9975 and 1.0 are both 1.00 at two decimals: a second step would tell them apart.
        Assert.Equal(1, Regex.Count(chart, "<circle"));
    }
}
