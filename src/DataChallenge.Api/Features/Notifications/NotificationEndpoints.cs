using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Notifications;

/// <summary>A participant's own notification preferences for a challenge they registered in.</summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotifications(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/challenges/{slug}/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("", Get).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The mail you receive about this challenge, per kind.");
        group.MapPut("", Put).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Choose the mail you receive about this challenge, per kind.");
        return group;
    }

    private static async Task<Results<Ok<NotificationPreferences>, ProblemHttpResult>> Get(string slug, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, CancellationToken cancellationToken)
        => await RegistrationAsync(slug, user, db, challenges, cancellationToken) is { } participant
            ? TypedResults.Ok(NotificationPreferences.From(participant.Notifications))
            : Problems.NotFound("Your registration in this challenge");

    private static async Task<Results<Ok<NotificationPreferences>, ProblemHttpResult>> Put(string slug, NotificationPreferences request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        if (await RegistrationAsync(slug, user, db, challenges, cancellationToken) is not { } participant)
            return Problems.NotFound("Your registration in this challenge");
        participant.Notifications = request.ToKinds();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NotificationPreferences.From(participant.Notifications));
    }

    /// <summary>The caller's registration, tracked; null when the challenge is out of sight or the caller never joined it.</summary>
    private static async Task<Participant?> RegistrationAsync(string slug, ClaimsPrincipal user, DataChallengeDbContext db, ChallengeLookup challenges,
        CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight?.UserId is not { } userId) return null;
        return await db.Participants.FirstOrDefaultAsync(p => p.ChallengeId == sight.Challenge.Id && p.UserId == userId, cancellationToken);
    }
}
