using System.Globalization;
using System.Security.Claims;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using DataChallenge.Leaderboard.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

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
        group.MapGet("/groups", GetGroupBoard).WithName("GetGroupLeaderboard").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The board per group (centre): who leads each, each team's worst group. Organisers; everyone for the private one "
                + "after the reveal once the organisers publish it. Small groups show their existence only.");
        group.MapGet("/live", Watch).WithName("WatchLeaderboard")
            .WithSummary("Server-Sent Events: the public board now (event board), then the rows of each change (event delta); the id is the board version. "
                + "With Last-Event-ID, the changes since that version when still held. With ?full=1, the whole board at every change (event leaderboard).");
        // The board's page is served by the api role's web pages; the short address printed at start-up leads there.
        routes.MapGet("/board/{phaseId:guid}", (Guid phaseId) => TypedResults.Redirect($"/phases/{phaseId}/leaderboard"))
            .ExcludeFromDescription().AllowAnonymous();
        return group;
    }

    private const string JsonType = "application/json; charset=utf-8";

    private static async Task<Results<Ok<LeaderboardSnapshot>, FileContentHttpResult, ProblemHttpResult>> GetBoard(Guid phaseId, string? board, string? key,
        ClaimsPrincipal user, HttpContext http, LeaderboardCache cache, BoardBroadcaster broadcaster, DataChallengeDbContext db, ChallengeLookup challenges,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        // A board of a draft, an unapproved or an unlisted challenge (without its key) answers like a missing one.
        if (await challenges.ByPhaseAsync(phaseId, user, key, cancellationToken) is not var (sight, phase)) return NoSuchPhase();
        var organiser = sight.IsOrganiser;
        if (await cache.GetAsync(phaseId, cancellationToken) is not { } publicBoard) return NoSuchPhase();
        switch (board ?? SplitScores.Public)
        {
            case SplitScores.Public:
                // Hundreds of reads a second of a long board: the bytes the live stream serialised once, when it holds this
                // version, and gzipped once for the clients that accept it, as every browser does.
                if (broadcaster.WholeBoard(phaseId, organiser, publicBoard.Version) is not { } shared)
                    return TypedResults.Ok(BoardView.For(publicBoard, organiser));
                http.Response.Headers.Vary = HeaderNames.AcceptEncoding;
                // Only the view everyone may read is compressed: the length of a compressed organisers' view, which holds
                // the names an anonymised board hides, could tell a competitor who names a team alike how close it came.
                if (organiser || !AcceptsGzip(http.Request)) return TypedResults.Bytes(shared.Json, JsonType);
                http.Response.Headers.ContentEncoding = "gzip";
                return TypedResults.Bytes(shared.GzipJson, JsonType);
            case SplitScores.Private:
                if (!organiser && !phase.IsRevealed)
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The private leaderboard is not revealed yet.");
                var privateBoard = await PrivateBoard.BuildAsync(db, phase, publicBoard, clock.GetUtcNow(), cancellationToken);
                return TypedResults.Ok(BoardView.For(privateBoard, organiser));
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "board is public or private.");
        }
    }

    private static async Task<Results<Ok<GroupBoardSnapshot>, ProblemHttpResult>> GetGroupBoard(Guid phaseId, string? board, string? key, ClaimsPrincipal user,
        LeaderboardCache cache, DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await challenges.ByPhaseAsync(phaseId, user, key, cancellationToken) is not var (sight, phase)) return NoSuchPhase();
        var isPrivate = board == SplitScores.Private;
        // Anyone else reads only the published private one; every other view answers as if it did not exist.
        if (!sight.IsOrganiser && !(isPrivate && phase.IsRevealed && phase.PublishPrivateGroupBoard)) return NoSuchPhase();
        if (await cache.GetAsync(phaseId, cancellationToken) is not { } publicBoard) return NoSuchPhase();
        var built = isPrivate ? await PrivateBoard.BuildAsync(db, phase, publicBoard, clock.GetUtcNow(), cancellationToken) : publicBoard;
        return TypedResults.Ok(await GroupBoard.BuildAsync(db, phase, built, BoardView.For(built, sight.IsOrganiser), cancellationToken));
    }

    private static async Task<Results<LiveBoardResult, ProblemHttpResult>> Watch(Guid phaseId, string? key, string? full, ClaimsPrincipal user,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId, LeaderboardCache cache, BoardBroadcaster broadcaster, IServiceScopeFactory scopes,
        CancellationToken cancellationToken)
    {
        // The sight rule reads the database in a scope of its own: a stream lasts hours, and ten thousand of them holding
        // a database context each would keep hundreds of megabytes alive for the garbage collector to walk.
        ChallengeSight? sight;
        await using (var scope = scopes.CreateAsyncScope())
            sight = (await scope.ServiceProvider.GetRequiredService<ChallengeLookup>().ByPhaseAsync(phaseId, user, key, cancellationToken))?.Sight;
        if (sight is null) return NoSuchPhase();
        // Loading the board publishes it, so the viewer's feed has a board to start from.
        if (await cache.GetAsync(phaseId, cancellationToken) is null) return NoSuchPhase();
        long? lastSeen = long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
        var viewer = broadcaster.Subscribe(phaseId, sight.IsOrganiser, lastSeen, wholeBoardsOnly: full is "1" or "true");
        return viewer is null ? NoSuchPhase() : new LiveBoardResult(viewer);
    }

    private static bool AcceptsGzip(HttpRequest request)
        => request.GetTypedHeaders().AcceptEncoding.Any(coding => coding.Quality != 0
            && (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Value.Equals("*", StringComparison.Ordinal)));

    private static ProblemHttpResult NoSuchPhase() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such phase.");
}
