using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Boards;

/// <summary>
/// The judging arena's phase scored per care site: "north" (30 public rows), "south" (10 public, 15 private) and
/// "tiny" (5 private rows, under the 10-row minimum, so suppressed). Alpha's file misorders one pair inside "tiny"
/// only, which would give it a value of 5/6 there: that number must never leave the server.
/// </summary>
public static class CentreFixture
{
    public const string Config = """
        {"task_type":"binary_proba","id_column":"id","label_columns":["label"],"prediction_columns":["label"],
         "metrics":["roc_auc","log_loss"],"primary_metric":"roc_auc","split_column":"Usage","group_column":"care_site"}
        """;

    /// <summary>The start of 5/6 as any JSON or CSV writer prints it.</summary>
    public const string SuppressedValueText = "0.833";

    public static async Task<JudgingArena> StartAsync()
    {
        var arena = await JudgingArena.StartAsync();
        await arena.WithDbAsync(async db =>
        {
            db.Phases.Single(p => p.Id == arena.PhaseId).ScoringConfig = Config;
            return await db.SaveChangesAsync();
        });
        await arena.Organiser.UploadLabelsAsync(arena.PhaseId, Labels());
        return arena;
    }

    /// <param name="flipped">Every label reversed: a perfect file then scores 0 in every centre.</param>
    public static string Labels(int rows = 60, bool flipped = false)
    {
        var text = new StringBuilder("id,label,Usage,care_site\n");
        for (var i = 0; i < rows; i++)
        {
            var site = i < 30 ? "north" : i < 55 ? "south" : "tiny";
            text.Append(CultureInfo.InvariantCulture, $"r{i},{(i + (flipped ? 1 : 0)) % 2},{(i < 40 ? "Public" : "Private")},{site}\n");
        }
        return text.ToString();
    }

    /// <summary>Perfect except r59 (a positive), placed between the negatives r58 and r56: one pair of six wrong in "tiny".</summary>
    public static string AlphaPredictions()
        => string.Join('\n', JudgingFiles.Predictions().Split('\n').Select(line => line.StartsWith("r59,", StringComparison.Ordinal) ? "r59,0.2575" : line));

    public static async Task RevealAsync(JudgingArena arena)
        => await ApiSession.EnsureAsync(await arena.Organiser.Client.PostAsync($"/api/phases/{arena.PhaseId}/reveal", null), "reveal");

    public static async Task SettingsAsync(JudgingArena arena, bool? ownGroups = null, bool? publishPrivate = null, bool? ownDetails = null)
        => await ApiSession.EnsureAsync(await arena.Organiser.Client.PutAsJsonAsync($"/api/phases/{arena.PhaseId}/result-settings",
            new { showOwnGroupResults = ownGroups, publishPrivateGroupBoard = publishPrivate, showOwnDetailedResults = ownDetails }), "result settings");
}
