using DataChallenge.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataChallenge.Api.Features.Judging;

/// <summary>
/// Judging: reveal, final selection, rescoring, board settings, organiser controls over submissions and the audit
/// trail. Objects the caller may not see answer 404; actions refused on a visible phase answer 403.
/// </summary>
public static partial class JudgingEndpoints
{
    public static RouteGroupBuilder MapJudging(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Judging").RequireAuthorization();
        group.MapPost("/phases/{phaseId:guid}/reveal", Reveal).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reveal the private leaderboard now (organisers). It is revealed automatically when the phase closes.");
        group.MapPut("/phases/{phaseId:guid}/finals", PutFinals).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Choose your team's final submissions for the private board, before the phase closes.");
        group.MapGet("/phases/{phaseId:guid}/finals", GetFinals).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Your team's final submissions: chosen, and those the private board uses.");
        group.MapPost("/phases/{phaseId:guid}/rescore", StartRescore).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rescore every scored submission against the current labels and configuration (organisers). No submission is created.");
        group.MapGet("/phases/{phaseId:guid}/rescore", GetRescore).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Progress of the latest rescoring and the ranks it changed (organisers).");
        group.MapPut("/phases/{phaseId:guid}/board-settings", PutBoardSettings).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Hide the public board, anonymise teams, set the public precision and the Ladder margin (organisers).");
        group.MapGet("/phases/{phaseId:guid}/submissions/all", ListAll).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every submission of a phase, all teams, with private scores (organisers).");
        group.MapPost("/submissions/{submissionId:guid}/invalidate", Invalidate).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Invalidate a submission for a rule breach (organisers): off every board, quota not given back.");
        group.MapPost("/submissions/{submissionId:guid}/baseline", MarkBaseline).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Mark an organiser's submission as a baseline, shown beside the ranking and never in it (organisers).");
        group.MapPost("/submissions/{submissionId:guid}/redispatch", Redispatch).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Send a failed submission to the workers again (organisers).");
        group.MapGet("/challenges/{slug}/audit", ReadAudit).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The challenge's audit trail, oldest first; page with ?after={id} (organisers).");
        return group;
    }

    // Leaderboard processes recompute their standings and push the board; the change itself is already committed.
    private static Task BoardChangedAsync(IPublishEndpoint bus, Guid phaseId, DateTimeOffset now, CancellationToken cancellationToken)
        => bus.Publish(new PhaseBoardChanged { PhaseId = phaseId, ChangedAt = now }, cancellationToken);
}
