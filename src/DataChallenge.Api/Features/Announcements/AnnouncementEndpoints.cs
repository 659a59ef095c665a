using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Api.Jobs;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Notifications;
using DataChallenge.Core.Persistence;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Announcements;

/// <summary>News from a challenge's organisers: published here, read by everyone who may see the challenge.</summary>
public static class AnnouncementEndpoints
{
    public static RouteGroupBuilder MapAnnouncements(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/challenges/{slug}/announcements").WithTags("Announcements").RequireAuthorization();
        group.MapGet("", List).AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The challenge's announcements, newest first.");
        group.MapPost("", Publish).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Publish a Markdown announcement (organisers; audited). It is mailed to the participants who want announcements.");
        return group;
    }

    private static async Task<Results<Ok<AnnouncementResponse[]>, ProblemHttpResult>> List(string slug, string? key, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, key, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        var news = await db.Announcements.AsNoTracking().Where(a => a.ChallengeId == sight.Challenge.Id).ToListAsync(cancellationToken);
        // Sorted here: SQLite stores the instants as ticks.
        return TypedResults.Ok(news.OrderByDescending(a => a.PublishedAt).Select(AnnouncementResponse.From).ToArray());
    }

    private static async Task<Results<Created<AnnouncementResponse>, ProblemHttpResult>> Publish(string slug, PublishAnnouncementRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, IBackgroundJobClient jobs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        if (!sight.IsOrganiser) return Problems.Forbidden("Only the challenge's organisers can publish announcements.");
        if (AnnouncementPublishing.Check(request.Title, request.Body) is { } invalid) return Problems.BadRequest(invalid);
        var announcement = await AnnouncementPublishing.PublishAsync(db, sight.Challenge.Id, sight.UserId!.Value, request.Title!, request.Body!, clock.GetUtcNow(),
            cancellationToken);
        // Mailed now rather than at the next scheduled run.
        jobs.Enqueue<QueueDueNotificationsJob>(job => job.RunAsync(CancellationToken.None));
        return TypedResults.Created($"/api/challenges/{slug}/announcements", AnnouncementResponse.From(announcement));
    }
}
