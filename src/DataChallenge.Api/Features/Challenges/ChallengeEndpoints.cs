using System.Security.Claims;
using System.Text.RegularExpressions;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Challenges;

public static partial class ChallengeEndpoints
{
    public static RouteGroupBuilder MapChallenges(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/challenges").WithTags("Challenges");
        group.MapGet("/", List).AllowAnonymous().WithSummary("Every challenge with its phases.");
        group.MapGet("/{slug}", Get).AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One challenge with its phases.");
        group.MapPost("/", Create).RequireAuthorization().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Create a challenge; the caller becomes its organiser.");
        group.MapPost("/{slug}/join", Join).RequireAuthorization().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Join a challenge, as a team of one unless a team name is given. Joining twice returns the same team.");
        return group;
    }

    private static async Task<Ok<List<ChallengeResponse>>> List(DataChallengeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var challenges = await db.Challenges.AsNoTracking().Include(c => c.Phases).OrderBy(c => c.Title).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(challenges.Select(c => ChallengeResponse.From(c, now)).ToList());
    }

    private static async Task<Results<Ok<ChallengeResponse>, ProblemHttpResult>> Get(string slug, DataChallengeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().Include(c => c.Phases).FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        return challenge is null ? Problems.NotFound("The challenge") : TypedResults.Ok(ChallengeResponse.From(challenge, clock.GetUtcNow()));
    }

    private static async Task<Results<Created<ChallengeResponse>, ProblemHttpResult>> Create(CreateChallengeRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!SlugPattern().IsMatch(request.Slug ?? ""))
            return Problems.BadRequest("The slug is not valid.", "Use 3 to 64 lower-case letters, digits and dashes, starting with a letter or digit.");
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
            return Problems.BadRequest("The title is required and must be at most 200 characters.");
        if (await db.Challenges.AnyAsync(c => c.Slug == request.Slug, cancellationToken))
            return Problems.Conflict($"A challenge with the slug '{request.Slug}' already exists.");

        var challenge = new Challenge
        {
            Slug = request.Slug!, Title = request.Title.Trim(), Description = request.Description ?? "",
            OwnerId = user.UserId(), CreatedAt = clock.GetUtcNow(),
        };
        db.Challenges.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/challenges/{challenge.Slug}", ChallengeResponse.From(challenge, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<JoinChallengeResponse>, ProblemHttpResult>> Join(string slug, JoinChallengeRequest? request, ClaimsPrincipal user,
        DataChallengeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (challenge is null) return Problems.NotFound("The challenge");
        var userId = user.UserId();
        if (await db.TeamOfAsync(challenge.Id, userId, cancellationToken) is { } existing)
        {
            var name = await db.Teams.Where(t => t.Id == existing).Select(t => t.Name).FirstAsync(cancellationToken);
            return TypedResults.Ok(new JoinChallengeResponse(existing, name));
        }

        var teamName = (request?.TeamName ?? user.Identity?.Name ?? "team").Trim();
        if (teamName.Length is 0 or > 100) return Problems.BadRequest("A team name has 1 to 100 characters.");
        if (await db.Teams.AnyAsync(t => t.ChallengeId == challenge.Id && t.Name == teamName, cancellationToken))
            return Problems.Conflict($"A team called '{teamName}' already exists in this challenge.");

        var now = clock.GetUtcNow();
        var team = new Team { ChallengeId = challenge.Id, Name = teamName, CreatedAt = now };
        db.Teams.Add(team);
        db.Participants.Add(new Participant { ChallengeId = challenge.Id, UserId = userId, TeamId = team.Id, JoinedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique keys settled a race (a double click, or the same name taken meanwhile).
            return Problems.Conflict("You joined this challenge already, or that team name was just taken.");
        }
        return TypedResults.Ok(new JoinChallengeResponse(team.Id, team.Name));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex SlugPattern();
}
