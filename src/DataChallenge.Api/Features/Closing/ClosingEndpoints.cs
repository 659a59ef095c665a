using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DataChallenge.Api.Features.Closing;

/// <summary>
/// The closing workflow that verifies the winners: after the reveal, organisers mark candidate teams with a deadline,
/// each candidate uploads a fact sheet and its code, organisers read them and publish the final ranking with a verdict
/// per team. Callers who are not organisers (or not the candidate team) get 404, as if there were nothing.
/// </summary>
public static partial class ClosingEndpoints
{
    public static RouteGroupBuilder MapClosing(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Closing").RequireAuthorization();
        group.MapPost("/phases/{phaseId:guid}/candidates", Mark).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Mark a team as a candidate winner, owing a fact sheet and its code before the deadline (organisers, after the reveal).");
        group.MapGet("/phases/{phaseId:guid}/candidates", List).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The candidate winners, what each has sent, and where a code phase lets you run their code again (organisers).");
        group.MapGet("/phases/{phaseId:guid}/candidates/{teamId:guid}/{document}", Download).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Download a candidate's fact sheet or code (organisers).");
        group.MapMethods("/phases/{phaseId:guid}/candidates/mine/{document}", ["PUT", "POST"], Upload).DisableAntiforgery()
            .Accepts<Stream>("application/octet-stream", "multipart/form-data").ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddEndpointFilter<ClosingFormLanding>()
            .WithSummary("Upload your team's fact-sheet (PDF or Markdown) or code (zip) before the deadline (candidate teams).");
        group.MapGet("/closing/obligations", Obligations).WithSummary("What your teams owe as candidate winners, and by when.");
        group.MapPost("/phases/{phaseId:guid}/final-ranking", Publish).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Publish the final ranking with a verdict per candidate: verified, not-verified or disqualified with a reason (organisers).");
        routes.MapGet("/api/phases/{phaseId:guid}/final-ranking", FinalRanking).WithTags("Closing").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The published verdicts of the candidate winners.");
        return group;
    }

    /// <summary>The phase when the caller organises its challenge; otherwise null, answered as a missing phase.</summary>
    private static async Task<Phase?> OrganisedPhaseAsync(DataChallengeDbContext db, ChallengeLookup challenges, Guid phaseId, ClaimsPrincipal user,
        CancellationToken cancellationToken)
        => await challenges.ByPhaseAsync(phaseId, user, null, cancellationToken) is { Sight.IsOrganiser: true } found ? found.Phase : null;

    private static ProblemHttpResult NotRevealed()
        => Problems.Conflict("The private leaderboard of this phase is not revealed yet: winners are verified after the reveal.");
}
