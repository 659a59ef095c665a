using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Api.Jobs;
using DataChallenge.Core.Judging;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Judging;

/// <summary>
/// A revealed private board must never become an oracle: once private scores are public, no new file may be scored
/// against the private rows, and no final choice may change.
/// </summary>
public sealed class RevealClosesTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;
    private Guid _scored;

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync(closesIn: TimeSpan.FromMinutes(30));
        _arena.Server.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists("reveal-due-phases");
        _scored = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 1, privateSwaps: 1));
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    private Task<HttpResponseMessage> RevealAsync() => _arena.Organiser.Client.PostAsync($"/api/phases/{_arena.PhaseId}/reveal", null);

    [Fact]
    public async Task Upload_CannotReadPrivateScores_WhenTheOrganiserRevealedAnOpenPhase()
    {
        await ApiSession.EnsureAsync(await RevealAsync(), "reveal");

        var upload = await _arena.TeamA.SubmitRawAsync(_arena.PhaseId, JudgingFiles.Predictions(privateSwaps: 2));

        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await _arena.WithDbAsync(db => db.Submissions.CountAsync(s => s.PhaseId == _arena.PhaseId)));
    }

    [Fact]
    public async Task Reveal_ClosesThePhase_WhenItWasStillOpen()
    {
        await ApiSession.EnsureAsync(await RevealAsync(), "reveal");

        var phase = await _arena.Anonymous.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}");
        Assert.Equal(_arena.Clock.GetUtcNow(), phase.GetProperty("closesAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Finals_AreFrozen_WhenTheOrganiserRevealedAnOpenPhase()
    {
        await ApiSession.EnsureAsync(await RevealAsync(), "reveal");

        var choice = await _arena.TeamA.Client.PutAsJsonAsync($"/api/phases/{_arena.PhaseId}/finals", new { submissionIds = new[] { _scored } });

        Assert.Equal(HttpStatusCode.Conflict, choice.StatusCode);
    }

    [Fact]
    public async Task UpdatePhase_AnswersBadRequest_WhenClosesAtMovesPastTheReveal()
    {
        await ApiSession.EnsureAsync(await RevealAsync(), "reveal");
        var now = _arena.Clock.GetUtcNow();

        var reopen = await _arena.Organiser.Client.PutAsJsonAsync($"/api/phases/{_arena.PhaseId}",
            new { name = "Main", opensAt = now.AddHours(-1), closesAt = now.AddDays(7) });
        var endless = await _arena.Organiser.Client.PutAsJsonAsync($"/api/phases/{_arena.PhaseId}",
            new { name = "Main", opensAt = now.AddHours(-1), closesAt = (DateTimeOffset?)null });

        Assert.Equal(HttpStatusCode.BadRequest, reopen.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, endless.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _arena.TeamA.SubmitRawAsync(_arena.PhaseId, JudgingFiles.Predictions())).StatusCode);
    }

    [Fact]
    public async Task UpdatePhase_Succeeds_WhenClosesAtStaysBeforeTheReveal()
    {
        await ApiSession.EnsureAsync(await RevealAsync(), "reveal");
        var now = _arena.Clock.GetUtcNow();

        var rename = await _arena.Organiser.Client.PutAsJsonAsync($"/api/phases/{_arena.PhaseId}",
            new { name = "Renamed", opensAt = now.AddHours(-1), closesAt = now });

        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
    }

    [Fact]
    public async Task ScheduledReveal_DoesNothing_WhenThePhaseWasReopenedAfterTheJobReadIt()
    {
        // The job read the phase as closed; before its reveal ran, the organiser moved the end into the future.
        _arena.Clock.Advance(TimeSpan.FromMinutes(31));
        var stale = await _arena.WithDbAsync(db => db.Phases.AsNoTracking().FirstAsync(p => p.Id == _arena.PhaseId));
        await _arena.WithDbAsync(db => db.Phases.Where(p => p.Id == _arena.PhaseId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.ClosesAt, _arena.Clock.GetUtcNow().AddDays(1))));

        var revealed = await _arena.WithDbAsync(db => PhaseReveal.RevealAsync(db, stale, actorId: null, _arena.Clock.GetUtcNow(), CancellationToken.None));

        Assert.False(revealed);
        Assert.Equal(HttpStatusCode.Forbidden, (await _arena.TeamB.Client.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard?board=private")).StatusCode);
    }

    [Fact]
    public async Task ScheduledReveal_DoesNothing_WhenThePhaseHasNoEnd()
    {
        await _arena.WithDbAsync(db => db.Phases.Where(p => p.Id == _arena.PhaseId).ExecuteUpdateAsync(set => set.SetProperty(p => p.ClosesAt, (DateTimeOffset?)null)));
        _arena.Clock.Advance(TimeSpan.FromDays(40));

        await using var scope = _arena.Server.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RevealDuePhasesJob>().RunAsync(CancellationToken.None));
        Assert.Null(await _arena.WithDbAsync(db => db.Phases.Where(p => p.Id == _arena.PhaseId).Select(p => p.PrivateRevealedAt).FirstAsync()));
    }
}
