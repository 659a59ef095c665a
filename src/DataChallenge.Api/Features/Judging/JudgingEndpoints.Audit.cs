using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Judging;

public static partial class JudgingEndpoints
{
    private static async Task<Results<Ok<List<AuditEntryResponse>>, ProblemHttpResult>> ReadAudit(string slug, long? after, int? limit, ClaimsPrincipal user,
        DataChallengeDbContext db, CancellationToken cancellationToken)
    {
        var challengeId = await db.Challenges.Where(c => c.Slug == slug).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        // The trail's existence is the organisers' business: everyone else is told there is nothing here.
        if (challengeId is null || !await db.IsOrganiserAsync(challengeId.Value, user.UserId(), cancellationToken)) return Problems.NotFound("The audit trail");
        var entries = (await AuditLog.OldestFirstAsync(db, challengeId.Value, after ?? 0, Math.Clamp(limit ?? 500, 1, 5000), cancellationToken))
            .Select(a => new AuditEntryResponse(a.Id, a.ActorId, a.Action, a.Subject, a.Detail, a.At)).ToList();
        return TypedResults.Ok(entries);
    }
}
