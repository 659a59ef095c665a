using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DataChallenge.Api.Features.Teams;

/// <summary>Teams within a challenge; the rules are <see cref="TeamMembership"/>'s, shared with the team page.</summary>
public static class TeamEndpoints
{
    public static RouteGroupBuilder MapTeams(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/challenges/{slug}").WithTags("Teams").RequireAuthorization();
        group.MapGet("/team", Mine).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Your team: name, invite code, members.");
        group.MapPost("/teams", Create).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a team and move into it, leaving your current team (only before that team's first submission).");
        group.MapPost("/teams/join", Join).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Join a team by its invite code, leaving your current team.");
        group.MapPost("/team/leave", Leave).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Leave your team for a new team of one (only before the team's first submission).");
        return group;
    }

    private static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> Mine(string slug, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        var participant = sight is null ? null : await TeamMembership.ParticipantAsync(db, sight.Challenge.Id, user.UserId(), cancellationToken);
        if (sight is null || participant is null) return Problems.NotFound("Your team");
        return TypedResults.Ok(await ResponseAsync(db, sight.Challenge, participant.TeamId, cancellationToken));
    }

    private static async Task<Results<Created<TeamResponse>, ProblemHttpResult>> Create(string slug, CreateTeamRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        var change = await TeamMembership.CreateAsync(db, sight.Challenge, user.UserId(), request.Name, clock.GetUtcNow(), cancellationToken);
        if (change.Outcome != TeamOutcome.Done) return Problem(change, slug, "creating a team");
        return TypedResults.Created($"/api/challenges/{slug}/team", await ResponseAsync(db, sight.Challenge, change.TeamId!.Value, cancellationToken));
    }

    private static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> Join(string slug, JoinTeamRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        var change = await TeamMembership.JoinAsync(db, sight.Challenge, user.UserId(), request.InviteCode, cancellationToken);
        if (change.Outcome is not (TeamOutcome.Done or TeamOutcome.AlreadyMember)) return Problem(change, slug, "joining a team", sight.Challenge.MaxTeamSize);
        return TypedResults.Ok(await ResponseAsync(db, sight.Challenge, change.TeamId!.Value, cancellationToken));
    }

    private static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> Leave(string slug, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        var change = await TeamMembership.LeaveAsync(db, sight.Challenge, user.UserId(), clock.GetUtcNow(), cancellationToken);
        if (change.Outcome == TeamOutcome.NotParticipant) return Problems.NotFound("Your team");
        if (change.Outcome != TeamOutcome.Done) return Problem(change, slug, "leaving a team");
        return TypedResults.Ok(await ResponseAsync(db, sight.Challenge, change.TeamId!.Value, cancellationToken));
    }

    private static ProblemHttpResult Problem(TeamChange change, string slug, string doing, int? maxTeamSize = null) => change.Outcome switch
    {
        TeamOutcome.NotParticipant => Problems.Forbidden($"Join the challenge (POST /api/challenges/{slug}/join) before {doing}."),
        TeamOutcome.InvalidName => Problems.BadRequest(TeamNames.Rule),
        TeamOutcome.NameTaken => Problems.Conflict($"A team called '{change.Name}' already exists in this challenge."),
        TeamOutcome.UnknownInviteCode => Problems.NotFound("The team with this invite code"),
        TeamOutcome.LockedIn => Problems.Conflict("Your team has submitted already, so you cannot leave it."),
        TeamOutcome.TeamFull => Problems.Conflict($"This team is full: teams in this challenge have at most {maxTeamSize} members."),
        TeamOutcome.OnlyMember => Problems.Conflict("You are your team's only member; there is nothing to leave."),
        _ => Problems.Conflict("The team changed at the same moment (a name taken, or a first submission); try again."),
    };

    private static async Task<TeamResponse> ResponseAsync(DataChallengeDbContext db, Challenge challenge, Guid teamId, CancellationToken cancellationToken)
    {
        var view = await TeamMembership.ViewAsync(db, challenge, teamId, cancellationToken);
        return new TeamResponse(view.Id, view.Name, view.InviteCode, view.Members.Select(m => new TeamMember(m.UserId, m.Email)).ToList(), view.MaxTeamSize);
    }
}
