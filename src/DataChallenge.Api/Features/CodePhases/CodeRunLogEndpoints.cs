using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.CodePhases;

/// <summary>
/// A code run's log. A smoke run's is its team's to read; a run on the hidden inputs may print hidden data, so its log
/// is the organisers' only, and to its own team it does not exist.
/// </summary>
public static class CodeRunLogEndpoints
{
    public static RouteGroupBuilder MapCodeRunLogs(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/submissions").WithTags("Code phases").RequireAuthorization();
        group.MapGet("/{submissionId:guid}/log", Read).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A code run's capped log (stdout and stderr): a smoke run's for its team, any run's for organisers.");
        return group;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Read(Guid submissionId, ClaimsPrincipal user, DataChallengeDbContext db,
        IObjectStore store, IOptions<ObjectStoreOptions> storeOptions, CancellationToken cancellationToken)
    {
        var found = await db.Submissions.AsNoTracking().Where(s => s.Id == submissionId)
            .Join(db.Phases, s => s.PhaseId, p => p.Id, (s, p) => new { s.TeamId, s.IsSmoke, s.LogKey, p.ChallengeId })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return Problems.NotFound("The log");
        var userId = user.UserId();
        var mayRead = await db.IsOrganiserAsync(found.ChallengeId, userId, cancellationToken)
            || (found.IsSmoke && await db.TeamOfAsync(found.ChallengeId, userId, cancellationToken) == found.TeamId);
        if (!mayRead || found.LogKey is null) return Problems.NotFound("The log");
        var content = await store.OpenReadAsync(storeOptions.Value.Buckets.Submissions, found.LogKey, cancellationToken);
        return TypedResults.Stream(content, "text/plain; charset=utf-8");
    }
}
