using System.Security.Claims;
using DataChallenge.Api.Features.Judging;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.FinalistComparisons;

/// <summary>
/// The paired comparison of a phase's finalists: it starts by itself at the close, organisers start it again and
/// follow its progress; everyone reads the result once the private board is revealed. Before that, to anyone else, it does not exist.
/// </summary>
public static class FinalistComparisonEndpoints
{
    public static RouteGroupBuilder MapFinalistComparisons(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/phases/{phaseId:guid}/finalist-comparison").WithTags("Judging").RequireAuthorization();
        group.MapPost("/", Start).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Compare the private board's teams by a paired bootstrap, by rows or by group (organisers); 409 while one runs. Runs on a worker; seeded by the phase.");
        group.MapGet("/", Get).AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The latest comparison: progress, then each finalist's interval, rank interval, chance of beating the next and tied group "
                + "(organisers; everyone after the reveal).");
        return group;
    }

    private static async Task<Results<Accepted<FinalistComparisonView>, ProblemHttpResult>> Start(Guid phaseId, CompareFinalistsRequest? request,
        ClaimsPrincipal user, DataChallengeDbContext db, FinalistComparisonStarter starter, IOptions<PlatformOptions> platform,
        CancellationToken cancellationToken)
    {
        var (phase, organiser) = await JudgingAccess.PhaseAsync(db, phaseId, user.UserId(), platform.Value, cancellationToken);
        if (phase is null || !organiser) return Problems.NotFound("The phase");
        var resamples = request?.Resamples ?? CompareFinalistsRequest.DefaultResamples;
        if (resamples is < 100 or > CompareFinalistsRequest.MaxResamples)
            return Problems.BadRequest($"resamples lies between 100 and {CompareFinalistsRequest.MaxResamples}.");
        var (run, refusal) = await starter.StartAsync(phase, resamples, request?.ByGroup ?? false, user.UserId(), cancellationToken);
        if (run is null) return refusal!;
        return TypedResults.Accepted($"/api/phases/{phase.Id}/finalist-comparison", FinalistBoard.View(run, new Dictionary<Guid, string>()));
    }

    private static async Task<Results<Ok<FinalistComparisonView>, ProblemHttpResult>> Get(Guid phaseId, string? key, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, FinalistComparisonStarter starter, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Before the reveal the comparison answers like a missing one to anyone but the organisers.
        if (await challenges.ByPhaseAsync(phaseId, user, key, cancellationToken) is not var (sight, phase) || (!sight.IsOrganiser && !phase.IsRevealed))
            return Problems.NotFound("The finalist comparison");
        // A run whose worker died reads as failed at once, not only after the next sweep.
        await starter.FailStuckAsync(phase.Id, cancellationToken);
        var board = await FinalistComparisonStarter.PrivateBoardAsync(db, phase, clock.GetUtcNow(), cancellationToken);
        return BoardView.For(board, sight.IsOrganiser).Finalists is { } view ? TypedResults.Ok(view) : Problems.NotFound("The finalist comparison");
    }
}

/// <param name="Resamples">Paired resamples, 100 to 10 000 (default 1 000).</param>
/// <param name="ByGroup">Resample whole groups of the phase's <c>group_column</c> (centres) instead of rows.</param>
public sealed record CompareFinalistsRequest(int? Resamples, bool? ByGroup)
{
    public const int DefaultResamples = 1000;
    public const int MaxResamples = 10_000;
}
