using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Leaderboard.Ranking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

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
        LeaderboardCache cache, DataChallengeDbContext db, IOptions<PlatformOptions> platform, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await SightAsync(db, phaseId, user, key, platform.Value, cancellationToken) is not var (phase, organiser)) return NoSuchPhase();
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
        LeaderboardCache cache, DataChallengeDbContext db, IOptions<PlatformOptions> platform, CancellationToken cancellationToken)
    {
        if (await SightAsync(db, phaseId, user, key, platform.Value, cancellationToken) is not var (_, organiser)) return NoSuchPhase();
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

    // The pages' sight rule: a board of a draft, an unapproved or an unlisted challenge (without its key) answers like a missing one.
    private static async Task<(Phase Phase, bool Organiser)?> SightAsync(DataChallengeDbContext db, Guid phaseId, ClaimsPrincipal user, string? key,
        PlatformOptions platform, CancellationToken cancellationToken)
    {
        var userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        if (await db.PhaseInSightAsync(phaseId, userId, key, platform.RequireChallengeApproval, cancellationToken) is not var (phase, role)) return null;
        return (phase, role is ChallengeRole.Owner or ChallengeRole.Collaborator);
    }

    private static ProblemHttpResult NoSuchPhase() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such phase.");
}
