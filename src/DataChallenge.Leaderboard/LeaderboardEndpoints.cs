using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DataChallenge.Leaderboard;

/// <summary>
/// Boards. The public one is anyone's and carries public-split values only; the private one is the organisers' until
/// the reveal, then everyone's.
/// </summary>
public static class LeaderboardEndpoints
{
    public static RouteGroupBuilder MapLeaderboards(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/phases/{phaseId:guid}/leaderboard").WithTags("Leaderboards").AllowAnonymous();
        group.MapGet("/", GetBoard).WithName("GetLeaderboard")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The phase's public board, or with ?board=private the private one (organisers; everyone after the reveal).");
        group.MapGet("/live", Watch).WithName("WatchLeaderboard")
            .WithSummary("Server-Sent Events: the public board now, then every time it changes.");
        // The board's page is served by the api role's web pages; the short address printed at start-up leads there.
        routes.MapGet("/board/{phaseId:guid}", (Guid phaseId) => TypedResults.Redirect($"/phases/{phaseId}/leaderboard"))
            .ExcludeFromDescription().AllowAnonymous();
        return group;
    }

    private static async Task<Results<Ok<LeaderboardSnapshot>, ProblemHttpResult>> GetBoard(Guid phaseId, string? board, string? key, ClaimsPrincipal user,
        LeaderboardCache cache, DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        // A board of a draft, an unapproved or an unlisted challenge (without its key) answers like a missing one.
        if (await challenges.ByPhaseAsync(phaseId, user, key, cancellationToken) is not var (sight, phase)) return NoSuchPhase();
        var organiser = sight.IsOrganiser;
        if (await cache.GetAsync(phaseId, cancellationToken) is not { } publicBoard) return NoSuchPhase();
        switch (board ?? SplitScores.Public)
        {
            case SplitScores.Public:
                return TypedResults.Ok(BoardView.For(publicBoard, organiser));
            case SplitScores.Private:
                if (!organiser && !phase.IsRevealed)
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The private leaderboard is not revealed yet.");
                var privateBoard = await PrivateBoard.BuildAsync(db, phase, publicBoard, clock.GetUtcNow(), cancellationToken);
                return TypedResults.Ok(BoardView.For(privateBoard, organiser));
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "board is public or private.");
        }
    }

    private static async Task<Results<ServerSentEventsResult<LeaderboardSnapshot>, ProblemHttpResult>> Watch(Guid phaseId, string? key, ClaimsPrincipal user,
        LeaderboardCache cache, ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        if (await challenges.ByPhaseAsync(phaseId, user, key, cancellationToken) is not var (sight, _)) return NoSuchPhase();
        var organiser = sight.IsOrganiser;
        if (await cache.GetAsync(phaseId, cancellationToken) is null) return NoSuchPhase();
        return TypedResults.ServerSentEvents(Viewed(cache.WatchAsync(phaseId, cancellationToken), organiser));
    }

    // Each event's id is the board version, so a client can tell which board it last saw.
    private static async IAsyncEnumerable<SseItem<LeaderboardSnapshot>> Viewed(IAsyncEnumerable<LeaderboardSnapshot> boards, bool organiser,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var board in boards.WithCancellation(cancellationToken))
            yield return new SseItem<LeaderboardSnapshot>(BoardView.For(board, organiser), "leaderboard") { EventId = board.Version.ToString(CultureInfo.InvariantCulture) };
    }

    private static ProblemHttpResult NoSuchPhase() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such phase.");
}
