using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataChallenge.Api.Tests.Journeys;

/// <summary>
/// A whole challenge run through the HTTP API alone, as a new organiser would: create it from a bundle, publish terms,
/// approve two teams, take submissions, choose finals, close, reveal, then fix the labels and rescore.
/// </summary>
public sealed class WholeChallengeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ServerFactory _server = null!;

    public ValueTask InitializeAsync()
    {
        _server = new ServerFactory { ConfigureServices = services => services.AddSingleton<TimeProvider>(_clock) };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private string Bundle(string slug) => $"""
        slug: {slug}
        title: Readmission within 30 days
        description: Predict who comes back.
        visibility: public
        requires_approval: true
        max_team_size: 3
        phases:
        - name: Final
          opens_at: {_clock.GetUtcNow().AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}
          closes_at: {_clock.GetUtcNow().AddMinutes(10).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}
          scoring:
            task_type: binary_proba
            id_column: id
            label_columns: [label]
            prediction_columns: [label]
            metrics: [roc_auc, log_loss]
            primary_metric: roc_auc
            split_column: Usage
          rules:
            max_submissions_per_day: 5
            max_final_submissions: 1
        """;

    private static List<string?> Teams(JsonElement board) => board.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("team").GetString()).ToList();

    [Fact]
    public async Task WholeChallenge_RunsFromBundleToRescore_ThroughTheApiAlone()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = $"j-{Guid.NewGuid():N}"[..16];
        var created = await organiser.Client.PutAsync("/api/bundles", new StringContent(Bundle(slug), Encoding.UTF8, "application/yaml"));
        await ApiSession.EnsureAsync(created, "import the bundle", HttpStatusCode.Created);
        var phaseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phases")[0].GetProperty("id").GetGuid();
        await ApiSession.EnsureAsync(await organiser.Client.PostAsJsonAsync($"/api/challenges/{slug}/terms", new { text = "Research use only." }), "publish terms");
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());

        var alpha = await JoinedAndApprovedAsync(organiser, slug, "Alpha");
        var beta = await JoinedAndApprovedAsync(organiser, slug, "Beta");
        await ScoredAsync(alpha, phaseId, JudgingFiles.Predictions(publicSwaps: 0, privateSwaps: 4));
        var alphaSafe = await ScoredAsync(alpha, phaseId, JudgingFiles.Predictions(publicSwaps: 2, privateSwaps: 0));
        await ScoredAsync(beta, phaseId, JudgingFiles.Predictions(publicSwaps: 3, privateSwaps: 2));
        await ApiSession.EnsureAsync(await alpha.Client.PutAsJsonAsync($"/api/phases/{phaseId}/finals", new { submissionIds = new[] { alphaSafe } }), "choose finals");

        var anonymous = _server.CreateClient();
        var publicBoard = await anonymous.GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/leaderboard");
        Assert.Equal(["Alpha", "Beta"], Teams(publicBoard));
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/phases/{phaseId}/leaderboard?board=private")).StatusCode);

        // Past the close, but within the sign-in tokens' hour: the fake clock drives both.
        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Forbidden, (await alpha.SubmitRawAsync(phaseId, JudgingFiles.Predictions())).StatusCode);
        await ApiSession.EnsureAsync(await organiser.Client.PostAsync($"/api/phases/{phaseId}/reveal", null), "reveal");
        var privateBoard = await anonymous.GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/leaderboard?board=private");
        // Alpha's chosen final is perfect on the private rows; its better public file, not chosen, does not count there.
        Assert.Equal(["Alpha", "Beta"], Teams(privateBoard));
        Assert.Equal(1.0, privateBoard.GetProperty("rows")[0].GetProperty("score").GetDouble(), 6);

        await organiser.UploadLabelsAsync(phaseId, JudgingFiles.FlippedLabels());
        await ApiSession.EnsureAsync(await organiser.Client.PostAsync($"/api/phases/{phaseId}/rescore", null), "rescore", HttpStatusCode.Accepted);
        await JudgingArena.EventuallyAsync(() => organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/rescore"),
            r => r.GetProperty("status").GetString() == "completed", "the rescoring completed");
        await JudgingArena.EventuallyAsync(() => anonymous.GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/leaderboard"),
            b => Teams(b).SequenceEqual(["Beta", "Alpha"]), "flipped labels putting Beta first: its worst public rows become the best");

        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallenge.Core.Persistence.DataChallengeDbContext>();
        Assert.Equal(3, await db.Submissions.CountAsync(s => s.PhaseId == phaseId));
    }

    private async Task<ApiSession> JoinedAndApprovedAsync(ApiSession organiser, string slug, string team)
    {
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        var joined = await competitor.Client.PostAsJsonAsync($"/api/challenges/{slug}/join", new { teamName = team, acceptedTermsVersion = 1 });
        await ApiSession.EnsureAsync(joined, "join " + team);
        var body = await joined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", body.GetProperty("status").GetString());
        var approved = await organiser.Client.PostAsync($"/api/challenges/{slug}/participants/{body.GetProperty("userId").GetGuid()}/approve", null);
        await ApiSession.EnsureAsync(approved, "approve " + team);
        return competitor;
    }

    private static async Task<Guid> ScoredAsync(ApiSession session, Guid phaseId, string csv)
    {
        var id = await session.SubmitAsync(phaseId, csv);
        Assert.Equal("Scored", (await session.WaitForOutcomeAsync(id)).GetProperty("status").GetString());
        return id;
    }
}
