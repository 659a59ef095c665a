using System.Security.Claims;
using DataChallenge.Api.Features.Judging;
using DataChallenge.Api.Http;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.SubmissionResults;

public static partial class SubmissionResultsEndpoints
{
    private static async Task<Results<Ok<ResultSettingsResponse>, ProblemHttpResult>> PutSettings(Guid phaseId, ResultSettingsRequest request,
        ClaimsPrincipal user, DataChallengeDbContext db, TimeProvider clock, IOptions<PlatformOptions> platform, CancellationToken cancellationToken)
    {
        var (phase, organiser) = await JudgingAccess.PhaseAsync(db, phaseId, user.UserId(), platform.Value, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        if (!organiser) return Problems.Forbidden("Only the challenge's organisers choose who sees per-group and detailed results.");
        phase.ShowOwnGroupResults = request.ShowOwnGroupResults ?? phase.ShowOwnGroupResults;
        phase.PublishPrivateGroupBoard = request.PublishPrivateGroupBoard ?? phase.PublishPrivateGroupBoard;
        phase.ShowOwnDetailedResults = request.ShowOwnDetailedResults ?? phase.ShowOwnDetailedResults;
        db.Record(phase.ChallengeId, user.UserId(), "phase.result-settings", $"phase:{phase.Id}",
            $"Own group results: {phase.ShowOwnGroupResults}; private group board published: {phase.PublishPrivateGroupBoard}; "
            + $"own detailed results: {phase.ShowOwnDetailedResults}.", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ResultSettingsResponse(phase.Id, phase.ShowOwnGroupResults, phase.PublishPrivateGroupBoard, phase.ShowOwnDetailedResults));
    }
}
