using System.Security.Claims;
using DataChallenge.Api.Http;
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
        var from = after ?? 0;
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.ChallengeId == challengeId && a.Id > from)
            .OrderBy(a => a.Id).Take(Math.Clamp(limit ?? 500, 1, 5000))
            .Select(a => new AuditEntryResponse(a.Id, a.ActorId, a.Action, a.Subject, a.Detail, a.At))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }
}
