using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Challenges;

public sealed record ChallengeApprovalResponse(string Slug, DateTimeOffset ApprovedAt);

/// <summary>Platform administrators let a challenge go public where <c>Platform:RequireChallengeApproval</c> is set.</summary>
public static class ChallengeApprovalEndpoints
{
    public static RouteGroupBuilder MapChallengeApproval(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/challenges").WithTags("Administration").RequireAuthorization();
        group.MapPost("/{slug}/approve", Approve).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Approve a challenge so that its visibility applies (platform administrators; audited).");
        return group;
    }

    private static async Task<Results<Ok<ChallengeApprovalResponse>, ProblemHttpResult>> Approve(string slug, ClaimsPrincipal user, DataChallengeDbContext db,
        IOptions<PlatformOptions> platform, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        if (!await PlatformAdministrators.IsAdministratorAsync(db, platform.Value, userId, cancellationToken)) return Problems.Forbidden("Only platform administrators approve challenges.");
        var challenge = await db.Challenges.FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (challenge is null) return Problems.NotFound("The challenge");
        var now = clock.GetUtcNow();
        if (challenge.PlatformApprovedAt is null)
        {
            challenge.PlatformApprovedAt = now;
            db.Record(challenge.Id, userId, "challenge.approved", $"challenge:{challenge.Id}", null, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(new ChallengeApprovalResponse(challenge.Slug, challenge.PlatformApprovedAt.Value));
    }
}
