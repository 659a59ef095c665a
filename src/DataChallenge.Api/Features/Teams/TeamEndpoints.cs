using System.Security.Claims;
using DataChallenge.Api.Features.Challenges;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Teams;

/// <summary>
/// Teams within a challenge. Every participant is in exactly one team (joining creates a team of one); moving to another
/// team is only possible while the team being left has not submitted, so nobody carries a team's quota or scores away.
/// </summary>
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
        var participant = sight is null ? null : await ParticipantAsync(db, sight, cancellationToken);
        if (sight is null || participant is null) return Problems.NotFound("Your team");
        return TypedResults.Ok(await ResponseAsync(db, sight.Challenge, participant.TeamId, cancellationToken));
    }

    private static async Task<Results<Created<TeamResponse>, ProblemHttpResult>> Create(string slug, CreateTeamRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        var participant = await ParticipantAsync(db, sight, cancellationToken);
        if (participant is null) return Problems.Forbidden($"Join the challenge (POST /api/challenges/{slug}/join) before creating a team.");
        var name = TeamNames.Clean(request.Name);
        if (name is null) return Problems.BadRequest($"A team name has 1 to {Team.MaxNameLength} characters.");
        if (await db.Teams.AnyAsync(t => t.ChallengeId == sight.Challenge.Id && t.Name == name, cancellationToken))
            return Problems.Conflict($"A team called '{name}' already exists in this challenge.");
        if (await HasSubmittedAsync(db, participant.TeamId, cancellationToken)) return LockedIn();

        var team = new Team { ChallengeId = sight.Challenge.Id, Name = name, CreatedAt = clock.GetUtcNow() };
        db.Teams.Add(team);
        var result = await MoveAsync(db, participant, team.Id, cancellationToken);
        if (result is not null) return result;
        return TypedResults.Created($"/api/challenges/{slug}/team", await ResponseAsync(db, sight.Challenge, team.Id, cancellationToken));
    }

    private static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> Join(string slug, JoinTeamRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        var participant = await ParticipantAsync(db, sight, cancellationToken);
        if (participant is null) return Problems.Forbidden($"Join the challenge (POST /api/challenges/{slug}/join) before joining a team.");
        var team = await db.Teams.AsNoTracking()
            .FirstOrDefaultAsync(t => t.ChallengeId == sight.Challenge.Id && t.InviteCode == (request.InviteCode ?? "").Trim(), cancellationToken);
        if (team is null) return Problems.NotFound("The team with this invite code");
        if (team.Id == participant.TeamId) return TypedResults.Ok(await ResponseAsync(db, sight.Challenge, team.Id, cancellationToken));
        if (await HasSubmittedAsync(db, participant.TeamId, cancellationToken)) return LockedIn();
        if (sight.Challenge.MaxTeamSize is { } max && await db.Participants.CountAsync(p => p.TeamId == team.Id, cancellationToken) >= max)
            return Problems.Conflict($"This team is full: teams in this challenge have at most {max} members.");

        var result = await MoveAsync(db, participant, team.Id, cancellationToken);
        if (result is not null) return result;
        return TypedResults.Ok(await ResponseAsync(db, sight.Challenge, team.Id, cancellationToken));
    }

    private static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> Leave(string slug, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        var participant = await ParticipantAsync(db, sight, cancellationToken);
        if (participant is null) return Problems.NotFound("Your team");
        if (await db.Participants.CountAsync(p => p.TeamId == participant.TeamId, cancellationToken) == 1)
            return Problems.Conflict("You are your team's only member; there is nothing to leave.");
        if (await HasSubmittedAsync(db, participant.TeamId, cancellationToken)) return LockedIn();

        var baseName = TeamNames.Clean(user.Identity?.Name) ?? "team";
        var name = await db.Teams.AnyAsync(t => t.ChallengeId == sight.Challenge.Id && t.Name == baseName, cancellationToken)
            ? $"{baseName[..Math.Min(baseName.Length, Team.MaxNameLength - 7)]} {Challenge.NewSecret()[..6]}"
            : baseName;
        var team = new Team { ChallengeId = sight.Challenge.Id, Name = name, CreatedAt = clock.GetUtcNow() };
        db.Teams.Add(team);
        var result = await MoveAsync(db, participant, team.Id, cancellationToken);
        if (result is not null) return result;
        return TypedResults.Ok(await ResponseAsync(db, sight.Challenge, team.Id, cancellationToken));
    }

    private static Task<Participant?> ParticipantAsync(DataChallengeDbContext db, ChallengeSight sight, CancellationToken cancellationToken)
        => db.Participants.FirstOrDefaultAsync(p => p.ChallengeId == sight.Challenge.Id && p.UserId == sight.UserId, cancellationToken);

    private static Task<bool> HasSubmittedAsync(DataChallengeDbContext db, Guid teamId, CancellationToken cancellationToken)
        => db.Submissions.AnyAsync(s => s.TeamId == teamId, cancellationToken);

    private static ProblemHttpResult LockedIn() => Problems.Conflict("Your team has submitted already, so you cannot leave it.");

    // Moves the participant and removes the team left behind when nobody remains in it (it never submitted).
    private static async Task<ProblemHttpResult?> MoveAsync(DataChallengeDbContext db, Participant participant, Guid toTeamId, CancellationToken cancellationToken)
    {
        var fromTeamId = participant.TeamId;
        participant.TeamId = toTeamId;
        if (!await db.Participants.AnyAsync(p => p.TeamId == fromTeamId && p.UserId != participant.UserId, cancellationToken)
            && await db.Teams.FindAsync([fromTeamId], cancellationToken) is { } empty)
            db.Teams.Remove(empty);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("The team changed at the same moment (a name taken, or a first submission); try again.");
        }
    }

    private static async Task<TeamResponse> ResponseAsync(DataChallengeDbContext db, Challenge challenge, Guid teamId, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().FirstAsync(t => t.Id == teamId, cancellationToken);
        var members = await db.Participants.AsNoTracking().Where(p => p.TeamId == teamId)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new TeamMember(u.Id, u.Email)).ToListAsync(cancellationToken);
        return new TeamResponse(team.Id, team.Name, team.InviteCode, members, challenge.MaxTeamSize);
    }
}
