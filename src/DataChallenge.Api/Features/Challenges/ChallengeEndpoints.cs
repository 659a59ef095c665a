using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using DataChallenge.Api.Http;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Challenges;

public static partial class ChallengeEndpoints
{
    public static RouteGroupBuilder MapChallenges(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/challenges").WithTags("Challenges");
        group.MapGet("/", List).AllowAnonymous().WithSummary("Every public challenge with its phases, and the ones the caller organises.");
        group.MapGet("/{slug}", Get).AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One challenge with its phases (?key= opens an unlisted challenge).");
        group.MapPost("/", Create).RequireAuthorization().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Create a challenge; the caller becomes its organiser.");
        group.MapPut("/{slug}", Update).RequireAuthorization().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Edit title, description, visibility, approval and team size (organisers; audited).");
        return group;
    }

    private static async Task<Ok<List<ChallengeResponse>>> List(ClaimsPrincipal user, DataChallengeDbContext db, ChallengeLookup lookup,
        IOptions<PlatformOptions> platform, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = ChallengeLookup.UserIdOf(user);
        var organised = userId is null
            ? new List<Guid>()
            : await db.Challenges.Where(c => c.OwnerId == userId).Select(c => c.Id)
                .Concat(db.ChallengeCollaborators.Where(c => c.UserId == userId).Select(c => c.ChallengeId)).ToListAsync(cancellationToken);
        var challenges = await db.Challenges.AsNoTracking().Include(c => c.Phases).OrderBy(c => c.Title).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(challenges.Where(c => lookup.IsListed(c) || organised.Contains(c.Id))
            .Select(c => ChallengeResponse.From(c, now, organised.Contains(c.Id), platform.Value.RequireChallengeApproval)).ToList());
    }

    private static async Task<Results<Ok<ChallengeResponse>, ProblemHttpResult>> Get(string slug, string? key, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup lookup, IOptions<PlatformOptions> platform, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await lookup.BySlugAsync(slug, user, key, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        await db.Entry(sight.Challenge).Collection(c => c.Phases).LoadAsync(cancellationToken);
        return TypedResults.Ok(ChallengeResponse.From(sight.Challenge, clock.GetUtcNow(), sight.IsOrganiser, platform.Value.RequireChallengeApproval));
    }

    private static async Task<Results<Created<ChallengeResponse>, ProblemHttpResult>> Create(CreateChallengeRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, IOptions<PlatformOptions> platform, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!SlugPattern().IsMatch(request.Slug ?? ""))
            return Problems.BadRequest("The slug is not valid.", "Use 3 to 64 lower-case letters, digits and dashes, starting with a letter or digit.");
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
            return Problems.BadRequest("The title is required and must be at most 200 characters.");
        var visibility = ChallengeVisibility.Public;
        if (request.Visibility is not null && !ChallengeSettings.TryParseVisibility(request.Visibility, out visibility))
            return Problems.BadRequest("The visibility is draft, public or unlisted.");
        if (request.MaxTeamSize is <= 0) return Problems.BadRequest("A team has room for at least one member; leave maxTeamSize out for no limit.");
        if (await db.Challenges.AnyAsync(c => c.Slug == request.Slug, cancellationToken))
            return Problems.Conflict($"A challenge with the slug '{request.Slug}' already exists.");

        var challenge = new Challenge
        {
            Slug = request.Slug!, Title = request.Title.Trim(), Description = request.Description ?? "",
            OwnerId = user.UserId(), CreatedAt = clock.GetUtcNow(), Visibility = visibility,
            RequiresApproval = request.RequiresApproval ?? false, MaxTeamSize = request.MaxTeamSize,
        };
        db.Challenges.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/challenges/{challenge.Slug}",
            ChallengeResponse.From(challenge, clock.GetUtcNow(), forOrganiser: true, platform.Value.RequireChallengeApproval));
    }

    private static async Task<Results<Ok<ChallengeResponse>, ProblemHttpResult>> Update(string slug, UpdateChallengeRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup lookup, IOptions<PlatformOptions> platform, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await lookup.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        if (!sight.IsOrganiser) return Problems.Forbidden("Only the challenge's organisers can edit it.");
        // The description is replaced too: null clears it, as this endpoint always has.
        var change = new ChallengeChange(request.Title, request.Description ?? "", request.Visibility, request.RequiresApproval, request.MaxTeamSize);
        if (ChallengeSettings.Check(change) is { } invalid) return Problems.BadRequest(invalid.Message);

        var challenge = sight.Challenge;
        ChallengeSettings.Apply(db, challenge, change, sight.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await db.Entry(challenge).Collection(c => c.Phases).LoadAsync(cancellationToken);
        return TypedResults.Ok(ChallengeResponse.From(challenge, clock.GetUtcNow(), forOrganiser: true, platform.Value.RequireChallengeApproval));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex SlugPattern();
}
