using System.Security.Claims;
using System.Text.Json;
using DataChallenge.Api.Features.Submissions;
using DataChallenge.Api.Http;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Judging;

public static partial class JudgingEndpoints
{
    private static async Task<Results<Accepted<RescoreResponse>, ProblemHttpResult>> StartRescore(Guid phaseId, ClaimsPrincipal user, DataChallengeDbContext db,
        SubmissionDispatcher dispatcher, TimeProvider clock, IOptions<PlatformOptions> platform, CancellationToken cancellationToken)
    {
        var (phase, organiser) = await JudgingAccess.PhaseAsync(db, phaseId, user.UserId(), platform.Value, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        if (!organiser) return Problems.Forbidden("Only the challenge's organisers can rescore.");
        if (phase.LabelsVersion == 0) return Problems.Conflict("This phase has no hidden labels yet.");
        var hash = ScoringConfigHash.Of(phase.ScoringConfig);
        var now = clock.GetUtcNow();

        var running = await db.RescoreRuns.AsNoTracking().FirstOrDefaultAsync(r => r.PhaseId == phaseId && r.CompletedAt == null, cancellationToken);
        if (running is not null && (running.LabelsVersion != phase.LabelsVersion || running.ConfigHash != hash))
            return Problems.Conflict("A rescoring against other labels or another configuration is still running; wait for it to finish.");

        var run = running;
        if (run is null)
        {
            var stale = await db.Submissions.AsNoTracking()
                .Where(SubmissionLifecycle.CanTake(SubmissionTransition.Rescore))
                .Where(s => s.PhaseId == phaseId && (s.ScoredLabelsVersion != phase.LabelsVersion || s.ScoredConfigHash == null || s.ScoredConfigHash != hash))
                .CountAsync(cancellationToken);
            run = new RescoreRun
            {
                PhaseId = phaseId, LabelsVersion = phase.LabelsVersion, ConfigHash = hash, Total = stale, RequestedBy = user.UserId(), StartedAt = now,
                // Nothing to rescore: the run is complete at once and the board stays as it is.
                CompletedAt = stale == 0 ? now : null, RankChangesJson = stale == 0 ? "[]" : null,
            };
            db.RescoreRuns.Add(run);
            db.Record(phase.ChallengeId, user.UserId(), "rescore.started", $"phase:{phaseId}",
                $"Rescoring {stale} submissions against labels v{phase.LabelsVersion}, configuration {hash}.", now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another organiser started one in the same instant: the unique index let theirs through.
                return Problems.Conflict("A rescoring of this phase has just started; follow it with GET.");
            }
        }

        // A repeated POST re-sends only what has no outcome yet, so a lost message can be nudged without duplicates.
        await SendMissingAsync(db, dispatcher, phase, run, cancellationToken);
        return TypedResults.Accepted($"/api/phases/{phaseId}/rescore", await RescoreStateAsync(db, phaseId, cancellationToken));
    }

    private static async Task SendMissingAsync(DataChallengeDbContext db, SubmissionDispatcher dispatcher, Phase phase, RescoreRun run, CancellationToken cancellationToken)
    {
        if (run.CompletedAt is not null) return;
        var answered = db.SubmissionScores.Where(s => s.RescoreRunId == run.Id).Select(s => s.SubmissionId);
        var missing = await db.Submissions.AsNoTracking()
            .Where(SubmissionLifecycle.CanTake(SubmissionTransition.Rescore))
            .Where(s => s.PhaseId == phase.Id && !answered.Contains(s.Id)
                && (s.ScoredLabelsVersion != run.LabelsVersion || s.ScoredConfigHash == null || s.ScoredConfigHash != run.ConfigHash))
            .ToListAsync(cancellationToken);
        foreach (var submission in missing) await dispatcher.DispatchAsync(submission, phase, cancellationToken, run.Id);
    }

    private static async Task<Results<Ok<RescoreResponse>, ProblemHttpResult>> GetRescore(Guid phaseId, ClaimsPrincipal user, DataChallengeDbContext db,
        IOptions<PlatformOptions> platform, CancellationToken cancellationToken)
    {
        var (phase, organiser) = await JudgingAccess.PhaseAsync(db, phaseId, user.UserId(), platform.Value, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        if (!organiser) return Problems.Forbidden("Only the challenge's organisers follow rescoring.");
        return TypedResults.Ok(await RescoreStateAsync(db, phaseId, cancellationToken));
    }

    private static async Task<RescoreResponse> RescoreStateAsync(DataChallengeDbContext db, Guid phaseId, CancellationToken cancellationToken)
    {
        var run = await db.RescoreRuns.AsNoTracking().Where(r => r.PhaseId == phaseId).OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        if (run is null) return new RescoreResponse(phaseId, "none", null, null, null, 0, 0, null, null, []);
        var done = await db.SubmissionScores.CountAsync(s => s.RescoreRunId == run.Id, cancellationToken);
        var changes = run.RankChangesJson is null ? [] : JsonSerializer.Deserialize<List<RankChange>>(run.RankChangesJson) ?? [];
        return new RescoreResponse(phaseId, run.CompletedAt is null ? "running" : "completed", run.Id, run.LabelsVersion, run.ConfigHash, run.Total,
            Math.Min(done, run.Total), run.StartedAt, run.CompletedAt, changes);
    }
}
