using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Challenges;

public sealed record AddCollaboratorRequest(string Email);

public sealed record CollaboratorResponse(Guid UserId, string? Email, DateTimeOffset AddedAt);

/// <summary>The same answer whether or not the address has an account: adding an organiser is no way to probe for accounts.</summary>
public sealed record CollaboratorInvitation(string Email, string Note);

/// <summary>The owner shares the organiser's rights with collaborators; only the owner manages that list.</summary>
public static class CollaboratorEndpoints
{
    public static RouteGroupBuilder MapCollaborators(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/challenges/{slug}/collaborators").WithTags("Challenges").RequireAuthorization();
        group.MapPost("/", Add).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Make the account with this address an organiser of the challenge (owner; audited). The answer is the same whether or not "
                + "the address has an account; the list of collaborators shows who was added.");
        group.MapGet("/", List).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The challenge's collaborators (organisers).");
        group.MapDelete("/{userId:guid}", Remove).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove a collaborator (owner; audited).");
        return group;
    }

    private static async Task<Results<Ok<List<CollaboratorResponse>>, ProblemHttpResult>> List(string slug, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        if (!sight.IsOrganiser) return Problems.Forbidden("Only the challenge's organisers see who organises it.");
        var rows = await db.ChallengeCollaborators.AsNoTracking().Where(c => c.ChallengeId == sight.Challenge.Id)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new CollaboratorResponse(c.UserId, u.Email, c.AddedAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.OrderBy(r => r.AddedAt).ToList());
    }

    private static async Task<Results<Accepted<CollaboratorInvitation>, ProblemHttpResult>> Add(string slug, AddCollaboratorRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, UserManager<User> users, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        if (sight.Role != ChallengeRole.Owner) return Problems.Forbidden("Only the challenge's owner can add organisers.");
        var email = request.Email?.Trim() ?? "";
        if (email.Length is 0 or > 256) return Problems.BadRequest("Give the e-mail address of the person to add.");
        var invitation = TypedResults.Accepted($"/api/challenges/{slug}/collaborators",
            new CollaboratorInvitation(email, "If this address has an account, that person now organises the challenge."));
        var added = await users.FindByEmailAsync(email);
        if (added is null) return invitation;
        if (added.Id == sight.Challenge.OwnerId
            || await db.ChallengeCollaborators.AnyAsync(c => c.ChallengeId == sight.Challenge.Id && c.UserId == added.Id, cancellationToken))
            return Problems.Conflict("This person organises the challenge already.");

        var now = clock.GetUtcNow();
        db.ChallengeCollaborators.Add(new ChallengeCollaborator { ChallengeId = sight.Challenge.Id, UserId = added.Id, AddedAt = now });
        db.Record(sight.Challenge.Id, sight.UserId, "collaborator.added", $"user:{added.Id}", null, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("This person organises the challenge already.");
        }
        return invitation;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(string slug, Guid userId, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        if (sight.Role != ChallengeRole.Owner) return Problems.Forbidden("Only the challenge's owner can remove organisers.");
        var collaborator = await db.ChallengeCollaborators.FirstOrDefaultAsync(c => c.ChallengeId == sight.Challenge.Id && c.UserId == userId, cancellationToken);
        if (collaborator is null) return Problems.NotFound("The collaborator");
        db.ChallengeCollaborators.Remove(collaborator);
        db.Record(sight.Challenge.Id, sight.UserId, "collaborator.removed", $"user:{userId}", null, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
