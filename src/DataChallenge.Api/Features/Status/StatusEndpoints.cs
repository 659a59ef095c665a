using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Status;

/// <param name="Queue">Depth and consumers of the scoring queue; null on the in-memory bus, which cannot tell.</param>
public sealed record ScoringStatusResponse(QueueState? Queue, int Pending, DateTimeOffset? OldestPendingReceivedAt,
    IReadOnlyDictionary<string, int> SubmissionsByStatus);

public static class StatusEndpoints
{
    public static RouteGroupBuilder MapStatus(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/challenges/{slug}/status").WithTags("Status").RequireAuthorization();
        group.MapGet("/", Get).WithSummary("Scoring queue depth, connected workers and the oldest pending submission (organisers).");
        return group;
    }

    private static async Task<Results<Ok<ScoringStatusResponse>, ProblemHttpResult>> Get(string slug, ClaimsPrincipal user, DataChallengeDbContext db,
        IQueueMonitor queues, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (challenge is null || challenge.OwnerId != user.UserId()) return Problems.NotFound("The challenge");
        var submissions = db.Submissions.Where(s => db.Phases.Any(p => p.Id == s.PhaseId && p.ChallengeId == challenge.Id));
        var byStatus = await submissions.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var pending = submissions.Where(SubmissionLifecycle.Unfinished);
        var oldest = await pending.OrderBy(s => s.ReceivedAt).Select(s => (DateTimeOffset?)s.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new ScoringStatusResponse(
            await queues.ReadAsync(QueueNames.ScoreSubmission, cancellationToken),
            await pending.CountAsync(cancellationToken),
            oldest,
            byStatus.ToDictionary(g => g.Key.ToString(), g => g.Count)));
    }
}
