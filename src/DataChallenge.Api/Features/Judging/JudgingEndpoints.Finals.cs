using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Scoring;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Judging;

public static partial class JudgingEndpoints
{
    private static async Task<Results<Ok<FinalsResponse>, ProblemHttpResult>> PutFinals(Guid phaseId, FinalsRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        var teamId = await db.TeamOfAsync(phase.ChallengeId, user.UserId(), cancellationToken);
        if (teamId is null) return Problems.Forbidden("Only the challenge's teams choose final submissions.");
        if (phase.ClosesAt is { } closesAt && clock.GetUtcNow() >= closesAt) return Problems.Conflict($"This phase closed at {closesAt:u}; the finals are fixed.");
        var ids = (request.SubmissionIds ?? []).Distinct().ToList();
        if (ids.Count > phase.MaxFinalSubmissions)
            return Problems.BadRequest($"Choose at most {phase.MaxFinalSubmissions} final submissions.");

        var chosen = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id) && s.PhaseId == phaseId && s.TeamId == teamId).ToListAsync(cancellationToken);
        // Another team's submission, or one of another phase, answers like a missing one.
        if (chosen.Count != ids.Count) return Problems.NotFound("The submission");
        if (chosen.Any(s => s.Status != SubmissionStatus.Scored || s.InvalidatedAt is not null || s.IsBaseline))
            return Problems.BadRequest("Only scored, valid submissions can be final.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Submissions.Where(s => s.PhaseId == phaseId && s.TeamId == teamId && s.IsFinal)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.IsFinal, false), cancellationToken);
        if (ids.Count > 0)
            await db.Submissions.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(set => set.SetProperty(s => s.IsFinal, true), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await FinalsOfAsync(db, phase, teamId.Value, cancellationToken));
    }

    private static async Task<Results<Ok<FinalsResponse>, ProblemHttpResult>> GetFinals(Guid phaseId, ClaimsPrincipal user, DataChallengeDbContext db,
        CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        var teamId = await db.TeamOfAsync(phase.ChallengeId, user.UserId(), cancellationToken);
        if (teamId is null) return Problems.Forbidden("Only the challenge's teams have final submissions.");
        return TypedResults.Ok(await FinalsOfAsync(db, phase, teamId.Value, cancellationToken));
    }

    private static async Task<FinalsResponse> FinalsOfAsync(DataChallengeDbContext db, Phase phase, Guid teamId, CancellationToken cancellationToken)
    {
        var scored = await db.Submissions.AsNoTracking()
            .Where(s => s.PhaseId == phase.Id && s.TeamId == teamId && s.Status == SubmissionStatus.Scored && s.InvalidatedAt == null && !s.IsBaseline)
            .Select(s => new { s.Id, s.IsFinal, s.PublicScore, s.PrimaryMetric, s.ReceivedAt })
            .ToListAsync(cancellationToken);
        var chosen = scored.Where(s => s.IsFinal).OrderBy(s => s.ReceivedAt).Select(s => s.Id).ToList();
        if (chosen.Count > 0) return new FinalsResponse(phase.Id, phase.MaxFinalSubmissions, chosen, chosen, Defaulted: false);

        // By default the team's best public submissions stand, as the private board takes them.
        var higherIsBetter = scored.FirstOrDefault()?.PrimaryMetric is not { } metric || MetricCatalog.HigherIsBetter(metric);
        var ranked = scored.Where(s => s.PublicScore is not null);
        var best = (higherIsBetter ? ranked.OrderByDescending(s => s.PublicScore) : ranked.OrderBy(s => s.PublicScore))
            .ThenBy(s => s.ReceivedAt).Take(Math.Max(1, phase.MaxFinalSubmissions)).Select(s => s.Id).ToList();
        return new FinalsResponse(phase.Id, phase.MaxFinalSubmissions, [], best, Defaulted: true);
    }
}
