using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Tests.Closing;

/// <summary>From candidate to published verdict: what each side sees at each step, and the audit lines it leaves.</summary>
public sealed class ClosingWorkflowTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;

    public async ValueTask InitializeAsync() => _arena = await ClosingArena.RevealedAsync();

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    [Fact]
    public async Task ClosingWorkflow_PublishesVerdictsAndAuditsEachStep_WhenCandidatesHandInTheirDocuments()
    {
        await ApiSession.EnsureAsync(await _arena.MarkAsync(_arena.Organiser.Client, _arena.TeamAId), "mark Alpha");
        await ApiSession.EnsureAsync(await _arena.MarkAsync(_arena.Organiser.Client, _arena.TeamBId), "mark Beta");

        var owed = (await _arena.TeamA.Client.GetFromJsonAsync<JsonElement>("/api/closing/obligations")).EnumerateArray().Single();
        Assert.Equal(_arena.PhaseId, owed.GetProperty("phaseId").GetGuid());
        await ApiSession.EnsureAsync(await _arena.UploadAsync(_arena.TeamA.Client, "fact-sheet", "alpha.md", ClosingArena.FactSheet), "upload fact sheet");
        await ApiSession.EnsureAsync(await _arena.UploadAsync(_arena.TeamA.Client, "code", "alpha.zip", ClosingArena.Code), "upload code");

        var candidates = (await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/candidates")).EnumerateArray().ToList();
        var alpha = candidates.Single(c => c.GetProperty("teamName").GetString() == "Alpha");
        var beta = candidates.Single(c => c.GetProperty("teamName").GetString() == "Beta");
        Assert.Equal(JsonValueKind.Null, beta.GetProperty("factSheet").ValueKind);
        var sheetUrl = alpha.GetProperty("factSheet").GetProperty("downloadUrl").GetString()!;
        Assert.Equal(ClosingArena.FactSheet, await _arena.Organiser.Client.GetByteArrayAsync(sheetUrl));
        Assert.Equal(ClosingArena.Code, await _arena.Organiser.Client.GetByteArrayAsync(alpha.GetProperty("code").GetProperty("downloadUrl").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _arena.TeamA.Client.GetAsync(sheetUrl)).StatusCode);

        await ApiSession.EnsureAsync(await _arena.PublishAsync(_arena.Organiser.Client,
            new { teamId = _arena.TeamAId, verdict = "verified" },
            new { teamId = _arena.TeamBId, verdict = "disqualified", reason = "No code was handed in." }), "publish");

        var ranking = await _arena.Anonymous.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/final-ranking");
        var verdicts = ranking.GetProperty("teams").EnumerateArray().ToDictionary(t => t.GetProperty("teamName").GetString()!, t => t.GetProperty("verdict").GetString());
        Assert.Equal("verified", verdicts["Alpha"]);
        Assert.Equal("disqualified", verdicts["Beta"]);
        Assert.Empty((await _arena.TeamA.Client.GetFromJsonAsync<JsonElement>("/api/closing/obligations")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await _arena.PublishAsync(_arena.Organiser.Client, new { teamId = _arena.TeamAId, verdict = "verified" })).StatusCode);

        var actions = await _arena.WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("closing.")).Select(a => a.Action).ToListAsync());
        Assert.Equal(2, actions.Count(a => a == "closing.candidate-marked"));
        Assert.Equal(2, actions.Count(a => a == "closing.document-uploaded"));
        Assert.Equal(2, actions.Count(a => a == "closing.verdict-published"));
    }
}
