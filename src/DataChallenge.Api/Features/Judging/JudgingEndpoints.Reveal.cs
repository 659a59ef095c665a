using System.Security.Claims;
using DataChallenge.Api.Features.FinalistComparisons;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Judging;
using DataChallenge.Core.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Judging;

public static partial class JudgingEndpoints
{
    private static async Task<Results<Ok<RevealResponse>, ProblemHttpResult>> Reveal(Guid phaseId, ClaimsPrincipal user, DataChallengeDbContext db,
        IPublishEndpoint bus, FinalistComparisonStarter finalists, TimeProvider clock, IOptions<PlatformOptions> platform,
        CancellationToken cancellationToken)
    {
        var (phase, organiser) = await JudgingAccess.PhaseAsync(db, phaseId, user.UserId(), platform.Value, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        if (!organiser) return Problems.Forbidden("Only the challenge's organisers can reveal the private leaderboard.");
        var now = clock.GetUtcNow();
        var revealed = await PhaseReveal.RevealAsync(db, phase, user.UserId(), now, cancellationToken);
        if (revealed)
        {
            await BoardChangedAsync(bus, phase.Id, now, cancellationToken);
            await finalists.AtCloseAsync(phase, cancellationToken);
        }
        var revealedAt = await db.Phases.Where(p => p.Id == phaseId).Select(p => p.PrivateRevealedAt).FirstAsync(cancellationToken);
        return TypedResults.Ok(new RevealResponse(phase.Id, revealedAt ?? now, !revealed));
    }
}
