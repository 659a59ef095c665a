using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Administrators;

/// <summary>
/// Administrators grant and revoke the administrator role of other accounts by address (confirmed addresses only; audited).
/// To anyone else these endpoints do not exist.
/// </summary>
public static class AdministratorEndpoints
{
    public static RouteGroupBuilder MapAdministrators(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/administrators").WithTags("Administration").RequireAuthorization();
        group.MapGet("/", List).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The platform administrators (administrators only).");
        group.MapPost("/", Grant).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Grant the administrator role to the account that confirmed this address (administrators only; audited).");
        group.MapPost("/revoke", Revoke).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Revoke another account's administrator role (administrators only; audited). Nobody revokes themself.");
        return group;
    }

    private static async Task<Results<Ok<List<AdministratorResponse>>, ProblemHttpResult>> List(ClaimsPrincipal user, DataChallengeDbContext db,
        IOptions<PlatformOptions> platform, CancellationToken cancellationToken)
    {
        if (!await PlatformAdministrators.IsAdministratorAsync(db, platform.Value, user.UserId(), cancellationToken)) return Problems.NotFound("The page");
        var lines = await AdministratorGrants.ListAsync(db, platform.Value, cancellationToken);
        return TypedResults.Ok(lines.Select(a => new AdministratorResponse(a.UserId, a.Email, a.Granted, a.Configured)).ToList());
    }

    private static Task<Results<NoContent, ProblemHttpResult>> Grant(AdministratorRequest request, ClaimsPrincipal user, DataChallengeDbContext db,
        IOptions<PlatformOptions> platform, TimeProvider clock, CancellationToken cancellationToken)
        => ChangeAsync(request, grant: true, user, db, platform.Value, clock, cancellationToken);

    private static Task<Results<NoContent, ProblemHttpResult>> Revoke(AdministratorRequest request, ClaimsPrincipal user, DataChallengeDbContext db,
        IOptions<PlatformOptions> platform, TimeProvider clock, CancellationToken cancellationToken)
        => ChangeAsync(request, grant: false, user, db, platform.Value, clock, cancellationToken);

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(AdministratorRequest request, bool grant, ClaimsPrincipal user,
        DataChallengeDbContext db, PlatformOptions platform, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actorId = user.UserId();
        if (!await PlatformAdministrators.IsAdministratorAsync(db, platform, actorId, cancellationToken)) return Problems.NotFound("The page");
        if (string.IsNullOrWhiteSpace(request.Email)) return Problems.BadRequest("Give the account's e-mail address.");
        return await AdministratorGrants.ChangeAsync(db, platform, actorId, request.Email, grant, clock.GetUtcNow(), cancellationToken) switch
        {
            AdministratorChangeOutcome.NoConfirmedAccount => Problems.BadRequest("No account has confirmed this address.",
                "The role goes only to an account whose owner followed the confirmation link sent to the address."),
            AdministratorChangeOutcome.Self => Problems.Conflict("You cannot revoke your own administrator role; another administrator can."),
            AdministratorChangeOutcome.Configured => Problems.Conflict("This address is listed in Platform:Administrators; remove it from the configuration."),
            _ => TypedResults.NoContent(),
        };
    }
}
