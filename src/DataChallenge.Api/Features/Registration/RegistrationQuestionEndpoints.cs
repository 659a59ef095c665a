using System.Security.Claims;
using System.Text;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DataChallenge.Api.Features.Registration;

/// <summary>
/// The questions a challenge asks at registration, and the answers, which only its organisers read: to anyone else the
/// answers do not exist (404), whether they are participants, spectators or visitors.
/// </summary>
public static class RegistrationQuestionEndpoints
{
    public static RouteGroupBuilder MapRegistrationQuestions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/challenges/{slug}").WithTags("Registration").RequireAuthorization();
        group.MapGet("/registration-questions", List).AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The questions asked when joining; answer them in the join request's answers, by question id.");
        group.MapPost("/registration-questions", Add).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Add a question after the others (organisers; audited).");
        group.MapDelete("/registration-questions/{questionId:guid}", Remove).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove a question and the answers given to it (organisers; audited).");
        group.MapGet("/registration-answers", Answers).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every registration with its answers (organisers only).");
        group.MapGet("/registration-answers.csv", AnswersCsv).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every registration with its answers as CSV, one column per question (organisers only).");
        return group;
    }

    private static async Task<Results<Ok<List<RegistrationQuestionResponse>>, ProblemHttpResult>> List(string slug, string? key, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, key, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        var questions = await RegistrationQuestions.OfAsync(db, sight.Challenge.Id, cancellationToken);
        return TypedResults.Ok(questions.Select(Response).ToList());
    }

    private static async Task<Results<Created<RegistrationQuestionResponse>, ProblemHttpResult>> Add(string slug, AddRegistrationQuestionRequest request,
        ClaimsPrincipal user, DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OrganisedAsync(slug, user, challenges, cancellationToken) is not { } sight) return Problems.NotFound("The challenge");
        var existing = await RegistrationQuestions.OfAsync(db, sight.Challenge.Id, cancellationToken);
        if (RegistrationQuestions.Check(request.Kind, request.Prompt, existing.Count) is { } problem) return Problems.BadRequest(problem.Message);
        var question = RegistrationQuestions.Add(db, sight.Challenge.Id, existing, request.Kind, request.Prompt, request.Required, sight.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/challenges/{slug}/registration-questions", Response(question));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(string slug, Guid questionId, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OrganisedAsync(slug, user, challenges, cancellationToken) is not { } sight) return Problems.NotFound("The challenge");
        return await RegistrationQuestions.RemoveAsync(db, sight.Challenge.Id, questionId, sight.UserId, clock.GetUtcNow(), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("The question");
    }

    private static async Task<Results<Ok<List<RegistrationAnswersResponse>>, ProblemHttpResult>> Answers(string slug, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        if (await OrganisedAsync(slug, user, challenges, cancellationToken) is not { } sight) return Problems.NotFound("The registration answers");
        var lines = await RegistrationAnswers.ForOrganisersAsync(db, sight.Challenge.Id, cancellationToken);
        return TypedResults.Ok(lines.Select(l => new RegistrationAnswersResponse(l.UserId, l.Email, l.TeamName, RegistrationEndpoints.StatusName(l.Status),
            l.JoinedAt, l.Answers)).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AnswersCsv(string slug, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        if (await OrganisedAsync(slug, user, challenges, cancellationToken) is not { } sight) return Problems.NotFound("The registration answers");
        var questions = await RegistrationQuestions.OfAsync(db, sight.Challenge.Id, cancellationToken);
        var lines = await RegistrationAnswers.ForOrganisersAsync(db, sight.Challenge.Id, cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(RegistrationAnswersCsv.Write(questions, lines)), "text/csv; charset=utf-8",
            $"{slug}-registrations.csv");
    }

    // Organisers only; to everyone else the questions' answers do not exist.
    private static async Task<ChallengeSight?> OrganisedAsync(string slug, ClaimsPrincipal user, ChallengeLookup challenges, CancellationToken cancellationToken)
        => await challenges.BySlugAsync(slug, user, null, cancellationToken) is { IsOrganiser: true } sight ? sight : null;

    private static RegistrationQuestionResponse Response(RegistrationQuestion q)
        => new(q.Id, RegistrationQuestions.KindName(q.Kind), q.Prompt, q.Required, RegistrationQuestions.MaxLength(q.Kind));
}
