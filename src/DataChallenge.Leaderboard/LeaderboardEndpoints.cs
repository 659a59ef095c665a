using DataChallenge.Leaderboard.Ranking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DataChallenge.Leaderboard;

/// <summary>Public boards: anyone may read them, so they carry public scores only.</summary>
public static class LeaderboardEndpoints
{
    public static RouteGroupBuilder MapLeaderboards(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/phases/{phaseId:guid}/leaderboard").WithTags("Leaderboards").AllowAnonymous();
        group.MapGet("/", GetBoard).WithName("GetLeaderboard").WithSummary("The phase's public leaderboard.");
        group.MapGet("/live", Watch).WithName("WatchLeaderboard")
            .WithSummary("Server-Sent Events: the board now, then every time it changes.");
        // The board's page is served by the api role's web pages; the short address printed at start-up leads there.
        routes.MapGet("/board/{phaseId:guid}", (Guid phaseId) => TypedResults.Redirect($"/phases/{phaseId}/leaderboard"))
            .ExcludeFromDescription().AllowAnonymous();
        return group;
    }

    private static async Task<Results<Ok<LeaderboardSnapshot>, ProblemHttpResult>> GetBoard(Guid phaseId, LeaderboardCache cache, CancellationToken cancellationToken)
        => await cache.GetAsync(phaseId, cancellationToken) is { } board
            ? TypedResults.Ok(board)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such phase.");

    private static async Task<Results<ServerSentEventsResult<LeaderboardSnapshot>, ProblemHttpResult>> Watch(Guid phaseId, LeaderboardCache cache, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(phaseId, cancellationToken) is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such phase.");
        return TypedResults.ServerSentEvents(cache.WatchAsync(phaseId, cancellationToken), eventType: "leaderboard");
    }
}
