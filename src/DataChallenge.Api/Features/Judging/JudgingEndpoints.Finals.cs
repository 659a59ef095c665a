using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Scoring;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Judging;

public static partial class JudgingEndpoints
{
    private static async Task<Results<Ok<FinalsResponse>, ProblemHttpResult>> PutFinals(Guid phaseId, FinalsRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, TimeProvider clock, IOptions<PlatformOptions> platform, CancellationToken cancellationToken)
    {
        var (phase, _) = await JudgingAccess.PhaseAsync(db, phaseId, user.UserId(), platform.Value, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        var teamId = await db.TeamOfAsync(phase.ChallengeId, user.UserId(), cancellationToken);
        if (teamId is null) return Problems.Forbidden("Only the challenge's teams choose final submissions.");
        return await FinalSelection.ChooseAsync(db, phase, teamId.Value, request.SubmissionIds ?? [], clock.GetUtcNow(), cancellationToken) switch
        {
            FinalsOutcome.PhaseClosed => Problems.Conflict($"This phase closed at {phase.ClosesAt:u}; the finals are fixed."),
            FinalsOutcome.TooMany => Problems.BadRequest($"Choose at most {phase.MaxFinalSubmissions} final submissions."),
            FinalsOutcome.UnknownSubmission => Problems.NotFound("The submission"),
            FinalsOutcome.NotEligible => Problems.BadRequest("Only scored, valid submissions can be final."),
            _ => TypedResults.Ok(await FinalsOfAsync(db, phase, teamId.Value, cancellationToken)),
        };
    }

    private static async Task<Results<Ok<FinalsResponse>, ProblemHttpResult>> GetFinals(Guid phaseId, ClaimsPrincipal user, DataChallengeDbContext db,
        IOptions<PlatformOptions> platform, CancellationToken cancellationToken)
    {
        var (phase, _) = await JudgingAccess.PhaseAsync(db, phaseId, user.UserId(), platform.Value, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        var teamId = await db.TeamOfAsync(phase.ChallengeId, user.UserId(), cancellationToken);
        if (teamId is null) return Problems.Forbidden("Only the challenge's teams have final submissions.");
        return TypedResults.Ok(await FinalsOfAsync(db, phase, teamId.Value, cancellationToken));
    }

    private static async Task<FinalsResponse> FinalsOfAsync(DataChallengeDbContext db, Phase phase, Guid teamId, CancellationToken cancellationToken)
    {
        var finals = await FinalSelection.ReadAsync(db, phase, teamId, MetricCatalog.HigherIsBetter, cancellationToken);
        return new FinalsResponse(finals.PhaseId, finals.MaxFinalSubmissions, finals.Chosen, finals.Effective, finals.Defaulted);
    }
}
