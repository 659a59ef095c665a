using System.Security.Claims;
using DataChallenge.Api.Features.Teams;
using DataChallenge.Api.Http;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Registration;

/// <summary>Joining a challenge, its terms (data-use agreement) and the organisers' approval of registrations.</summary>
public static class RegistrationEndpoints
{
    public static RouteGroupBuilder MapRegistration(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/challenges/{slug}").WithTags("Registration").RequireAuthorization();
        group.MapPost("/join", Join).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Join a challenge, accepting its current terms version, as a team of one. Joining twice returns the same team.");
        group.MapGet("/terms", GetTerms).AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The current terms version and its text.");
        group.MapPost("/terms", PublishTerms).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Publish a new terms version (organisers); participants must accept it before their next download or submission.");
        group.MapPost("/terms/accept", AcceptTerms).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Accept the current terms version (participants); the acceptance is kept as proof.");
        group.MapGet("/participants", ListParticipants).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Everyone registered, with status and accepted terms version (organisers).");
        group.MapPost("/participants/{userId:guid}/approve", Approve).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Approve a registration (organisers; audited).");
        group.MapPost("/participants/{userId:guid}/deny", Deny).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Deny a registration (organisers; audited).");
        return group;
    }

    private static async Task<Results<Ok<JoinChallengeResponse>, ProblemHttpResult>> Join(string slug, string? key, JoinChallengeRequest? request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, key, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        var challenge = sight.Challenge;
        var userId = user.UserId();
        // The team name is checked only for a newcomer: joining twice returns the same team whatever the request says.
        // Without a name the team gets a generated one, never the person's address.
        var teamName = string.IsNullOrWhiteSpace(request?.TeamName) ? TeamNaming.Generated() : TeamNames.Clean(request.TeamName);
        if (teamName is null && !await db.Participants.AnyAsync(p => p.ChallengeId == challenge.Id && p.UserId == userId, cancellationToken))
            return Problems.BadRequest(TeamNames.Rule);
        var result = await ChallengeRegistration.JoinAsync(db, challenge, userId, sight.IsOrganiser, teamName ?? TeamNaming.Generated(), request?.AcceptedTermsVersion,
            request?.Answers, clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            JoinOutcome.Joined or JoinOutcome.AlreadyJoined => TypedResults.Ok(new JoinChallengeResponse(userId, result.Participant!.TeamId, result.TeamName!,
                StatusName(result.Participant.Status), result.Participant.AcceptedTermsVersion)),
            JoinOutcome.AddressUnconfirmed => ParticipationGate.AddressUnconfirmed("join a challenge"),
            JoinOutcome.TermsNotAccepted => Problems.BadRequest($"Joining means accepting the current terms (version {challenge.TermsVersion}).",
                $"Read them at GET /api/challenges/{slug}/terms, then join with {{\"acceptedTermsVersion\": {challenge.TermsVersion}}}."),
            JoinOutcome.AnswerRefused => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: result.Answer!.Message,
                detail: $"Send it in \"answers\" under the question's id; GET /api/challenges/{slug}/registration-questions lists them.",
                extensions: new Dictionary<string, object?> { ["questionId"] = result.Answer.QuestionId, ["question"] = result.Answer.Prompt }),
            JoinOutcome.TeamNameTaken => Problems.Conflict($"A team called '{teamName}' already exists in this challenge."),
            _ => Problems.Conflict("You joined this challenge already, or that team name was just taken."),
        };
    }

    private static async Task<Results<Ok<TermsResponse>, ProblemHttpResult>> GetTerms(string slug, string? key, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, key, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        var version = sight.Challenge.TermsVersion;
        var terms = await db.ChallengeTerms.AsNoTracking().FirstOrDefaultAsync(t => t.ChallengeId == sight.Challenge.Id && t.Version == version, cancellationToken);
        return TypedResults.Ok(new TermsResponse(version, terms?.Text ?? "", terms?.PublishedAt));
    }

    private static async Task<Results<Ok<TermsResponse>, ProblemHttpResult>> PublishTerms(string slug, PublishTermsRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        if (!sight.IsOrganiser) return Problems.Forbidden("Only the challenge's organisers can publish its terms.");
        if (ChallengeSettings.CheckTerms(request.Text) is { } invalid) return Problems.BadRequest(invalid.Message);

        var now = clock.GetUtcNow();
        var version = ChallengeSettings.PublishTerms(db, sight.Challenge, request.Text, sight.UserId, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The (challenge, version) key: another organiser published the same version first.
            return Problems.Conflict("Another terms version was published at the same moment; reload and publish again.");
        }
        return TypedResults.Ok(new TermsResponse(version, request.Text, now));
    }

    private static async Task<Results<Ok<TermsAcceptanceResponse>, ProblemHttpResult>> AcceptTerms(string slug, AcceptTermsRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        var challenge = sight.Challenge;
        var now = clock.GetUtcNow();
        switch (await ChallengeRegistration.AcceptTermsAsync(db, challenge, sight.UserId!.Value, request.Version, now, cancellationToken))
        {
            case TermsOutcome.NotJoined: return Problems.Forbidden($"Join the challenge (POST /api/challenges/{slug}/join) to accept its terms.");
            case TermsOutcome.NoTerms: return Problems.Conflict("This challenge has no terms to accept.");
            case TermsOutcome.NotCurrent: return Problems.Conflict($"Version {request.Version} is not the current terms; read version {challenge.TermsVersion} and accept it.");
        }

        return TypedResults.Ok(new TermsAcceptanceResponse(challenge.TermsVersion, now));
    }

    private static async Task<Results<Ok<List<ParticipantResponse>>, ProblemHttpResult>> ListParticipants(string slug, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        if (!sight.IsOrganiser) return Problems.Forbidden("Only the challenge's organisers can see who registered.");
        var rows = await db.Participants.AsNoTracking().Where(p => p.ChallengeId == sight.Challenge.Id)
            .Join(db.Teams, p => p.TeamId, t => t.Id, (p, t) => new { Participant = p, TeamName = t.Name })
            .Join(db.Users, x => x.Participant.UserId, u => u.Id, (x, u) => new { x.Participant, x.TeamName, u.Email })
            .OrderBy(x => x.Participant.JoinedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(x => new ParticipantResponse(x.Participant.UserId, x.Email, x.Participant.TeamId, x.TeamName,
            StatusName(x.Participant.Status), x.Participant.AcceptedTermsVersion, x.Participant.JoinedAt)).ToList());
    }

    private static Task<Results<Ok<ParticipantResponse>, ProblemHttpResult>> Approve(string slug, Guid userId, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
        => DecideAsync(slug, userId, ParticipantStatus.Approved, user, db, challenges, clock, cancellationToken);

    private static Task<Results<Ok<ParticipantResponse>, ProblemHttpResult>> Deny(string slug, Guid userId, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
        => DecideAsync(slug, userId, ParticipantStatus.Denied, user, db, challenges, clock, cancellationToken);

    private static async Task<Results<Ok<ParticipantResponse>, ProblemHttpResult>> DecideAsync(string slug, Guid userId, ParticipantStatus decision,
        ClaimsPrincipal user, DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        if (!sight.IsOrganiser) return Problems.Forbidden("Only the challenge's organisers can decide on registrations.");
        if (!await ChallengeRegistration.DecideAsync(db, sight.Challenge.Id, sight.UserId.GetValueOrDefault(), userId, decision, clock.GetUtcNow(), cancellationToken))
            return Problems.NotFound("The participant");
        var participant = await db.Participants.FirstAsync(p => p.ChallengeId == sight.Challenge.Id && p.UserId == userId, cancellationToken);
        var response = await ResponseOfAsync(db, participant, cancellationToken);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new ParticipantResponse(userId, email, participant.TeamId, response.TeamName, response.Status, participant.AcceptedTermsVersion,
            participant.JoinedAt));
    }

    private static async Task<JoinChallengeResponse> ResponseOfAsync(DataChallengeDbContext db, Participant participant, CancellationToken cancellationToken)
    {
        var name = await db.Teams.Where(t => t.Id == participant.TeamId).Select(t => t.Name).FirstAsync(cancellationToken);
        return new JoinChallengeResponse(participant.UserId, participant.TeamId, name, StatusName(participant.Status), participant.AcceptedTermsVersion);
    }

    public static string StatusName(ParticipantStatus status) => status.ToString().ToLowerInvariant();
}
