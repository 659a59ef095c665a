using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataChallenge.Api.Features.SubmissionResults;

/// <summary>
/// What a submission left behind: its file, its per-group values, its scoring program's detailed results, the organisers' export of every submission and who
/// may see which. Objects the caller may not see answer 404, as if missing.
/// </summary>
public static partial class SubmissionResultsEndpoints
{
    public static RouteGroupBuilder MapSubmissionResults(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Results").RequireAuthorization();
        group.MapGet("/submissions/{submissionId:guid}/groups", GetGroups).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A submission's primary metric per group (centre): organisers on every split; its team on the public split when the phase allows it.");
        group.MapGet("/submissions/{submissionId:guid}/file", DownloadFile).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The file a team submitted, as an attachment (its team and the organisers).");
        group.MapGet("/submissions/{submissionId:guid}/detailed-results/{split}", GetDetailedResults).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The scoring program's detailed_results.html of one split, under a policy that runs no script: organisers on every split; "
                + "its team on the public split when the phase allows it.");
        group.MapGet("/phases/{phaseId:guid}/submissions/export", Export).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every submission of a phase as CSV: team, user, time, file, hash, status, every metric on every split, note, final (organisers).");
        group.MapPut("/phases/{phaseId:guid}/result-settings", PutSettings).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Who sees per-group values and detailed results: the teams their own, everyone the published private group board (organisers).");
        return group;
    }
}
