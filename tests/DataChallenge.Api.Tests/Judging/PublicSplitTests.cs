using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Judging;

/// <summary>
/// Public values come from public rows only. When the public primary metric cannot be computed, the public score stays
/// empty with its reason; a value over all rows would carry the private labels onto the public side.
/// </summary>
public sealed class PublicSplitTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync();
        // Every public row is a negative: ROC AUC is undefined on the public split, defined on the private one and on all rows.
        await _arena.Organiser.UploadLabelsAsync(_arena.PhaseId, OneClassPublicLabels());
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    private static string OneClassPublicLabels(int rows = 60)
    {
        var text = new StringBuilder("id,label,Usage\n");
        for (var i = 0; i < rows; i++)
        {
            var isPublic = i < rows * 2 / 3;
            text.Append(CultureInfo.InvariantCulture, $"r{i},{(isPublic ? 0 : i % 2)},{(isPublic ? "Public" : "Private")}\n");
        }
        return text.ToString();
    }

    [Fact]
    public async Task SubmissionRead_ShowsNoPublicScoreWithItsReason_WhenThePublicRowsHoldOneClass()
    {
        var id = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions());

        var body = await _arena.TeamA.Client.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("metrics").GetProperty("roc_auc").ValueKind);
        Assert.Contains("class", body.GetProperty("scoreUndefinedReason").GetString(), StringComparison.OrdinalIgnoreCase);
        var stored = await _arena.WithDbAsync(db => Task.FromResult(db.Submissions.Single(s => s.Id == id).PublicScore));
        Assert.Null(stored);
    }

    [Fact]
    public async Task PublicBoard_HasNoEntry_WhenThePublicRowsHoldOneClass()
    {
        await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions());

        // The entry is written in the same transaction that marks the file scored.
        var entries = await _arena.WithDbAsync(db => Task.FromResult(db.LeaderboardEntries.Count(e => e.PhaseId == _arena.PhaseId)));

        Assert.Equal(0, entries);
    }
}
