using System.Globalization;
using System.Security.Claims;
using DataChallenge.Api.Features.CodePhases;
using DataChallenge.Api.Features.Registration;
using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Judging;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Submissions;

public static class SubmissionEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapSubmissions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Submissions").RequireAuthorization();
        group.MapPost("/phases/{phaseId:guid}/submissions", Submit)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Upload a prediction file: the raw body (text/csv, optional ?fileName=) or a multipart form with one file. "
                + "To a code phase, upload a zip with main.py or a submission.yaml 'command:' (?smoke=true runs it on the public smoke data). "
                + "An Idempotency-Key header makes a retry return the first answer; 429 with Retry-After when the quota is used.")
            .Accepts<Stream>("text/csv", "text/plain", "application/octet-stream", "application/zip", "multipart/form-data")
            .AddEndpointFilter<BrowserFormLanding>()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitOptions.UploadsPolicy);
        group.MapGet("/phases/{phaseId:guid}/submissions", ListMine).WithSummary("Your team's submissions to a phase, newest first.");
        group.MapGet("/submissions/{submissionId:guid}", Get).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One submission's status and public scores (its team and organisers only).");
        return group;
    }

    private static async Task<Results<Accepted<SubmissionResponse>, ProblemHttpResult>> Submit(Guid phaseId, HttpRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, SubmissionIntake intake, TimeProvider clock, CancellationToken cancellationToken)
    {
        var receivedAt = clock.GetUtcNow();
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        var sight = phase is null ? null : await challenges.ByIdAsync(phase.ChallengeId, user, null, cancellationToken);
        if (phase is null || sight is null) return Problems.NotFound("The phase");
        var userId = user.UserId();
        var teamId = await db.TeamOfAsync(phase.ChallengeId, userId, cancellationToken);
        if (teamId is null) return Problems.Forbidden("Join the challenge before submitting.");

        var idempotencyKey = request.Headers[IdempotencyKeyHeader].ToString().Trim();
        if (idempotencyKey.Length > 100) return Problems.BadRequest("The Idempotency-Key header has at most 100 characters.");
        // A retry of an accepted upload gets the first answer, even after the window closed or the quota filled.
        if (idempotencyKey.Length > 0 && await intake.FindByKeyAsync(phase.Id, userId, idempotencyKey, cancellationToken) is { } first)
            return await ReplayAsync(db, first, phase, cancellationToken);

        if (await ParticipationGate.RefusalAsync(db, sight, "submit", cancellationToken) is { } refused) return refused;
        if (phase.IsRevealed) return Revealed();
        if (!phase.IsOpenAt(receivedAt))
            return Problems.Forbidden(receivedAt < phase.OpensAt ? $"This phase opens at {phase.OpensAt:u}." : $"This phase closed at {phase.ClosesAt:u}.");
        if (phase.Code is { } code)
            return await CodeSubmissionUpload.SubmitAsync(phase, code, teamId.Value, userId, request, db, intake, idempotencyKey.Length > 0 ? idempotencyKey : null,
                receivedAt, cancellationToken);
        if (phase.LabelsVersion == 0) return Problems.Conflict("This phase is not ready: its organisers have not uploaded the test labels yet.");
        if (request.ContentLength > phase.MaxFileBytes) return Problems.TooLarge(phase.MaxFileBytes);
        // Refuse before receiving the bytes when the quota is visibly used up; the claim after the upload is the one that counts.
        var (_, early) = await intake.Quota.FindPlacesAsync(phase, teamId.Value, receivedAt, cancellationToken);
        if (early is not null) return QuotaUsed(request.HttpContext, early);

        UploadBody? body;
        SpooledUpload upload;
        string? note;
        try
        {
            body = await UploadBody.ReadAsync(request, "predictions.csv", cancellationToken);
            if (body is null) return Problems.BadRequest("The request carries no file.");
            if (!SubmissionNotes.TryClean(body.Note, out note))
                return Problems.BadRequest($"A note has at most {Submission.MaxNoteLength} characters.");
            upload = await SpooledUpload.ReceiveAsync(body.Content, phase.MaxFileBytes, cancellationToken);
        }
        catch (UploadTooLargeException e)
        {
            return Problems.TooLarge(e.Limit);
        }
        await using (upload)
        {
            if (upload.Length == 0) return Problems.BadRequest("The file is empty.");
            // The reveal may have happened while the file was arriving; a file scored now would read its private score.
            if (await db.Phases.AnyAsync(p => p.Id == phase.Id && p.PrivateRevealedAt != null, cancellationToken)) return Revealed();
            var result = await intake.AcceptAsync(phase, teamId.Value, userId, upload, body.FileName, idempotencyKey.Length > 0 ? idempotencyKey : null,
                receivedAt, cancellationToken, note: note);
            if (result.Refusal is not null) return QuotaUsed(request.HttpContext, result.Refusal);
            return result.Replayed ? await ReplayAsync(db, result.Submission!, phase, cancellationToken) : TypedResults.Accepted($"/api/submissions/{result.Submission!.Id}", SubmissionResponse.From(result.Submission, phase, mayReadPrivate: false));
        }
    }

    private static ProblemHttpResult Revealed() => Problems.Conflict("The private leaderboard of this phase is revealed: the phase accepts no more files.");

    // A replayed upload may be scored by now: it reads like the team's other submissions.
    private static async Task<Accepted<SubmissionResponse>> ReplayAsync(DataChallengeDbContext db, Submission first, Phase phase, CancellationToken cancellationToken)
        => TypedResults.Accepted($"/api/submissions/{first.Id}",
            SubmissionResponse.From(first, phase, await DisclosureAsync(db, phase, first.TeamId, organiser: false, cancellationToken), mayReadPrivate: false));

    // Organisers read every value at the phase's precision; a team reads what the Ladder lets through.
    private static Task<ScoreDisclosure> DisclosureAsync(DataChallengeDbContext db, Phase phase, Guid teamId, bool organiser, CancellationToken cancellationToken)
        => organiser ? Task.FromResult(ScoreDisclosure.Rounding(phase))
            : ScoreDisclosure.ForTeamAsync(db, phase, teamId, MetricCatalog.HigherIsBetter, cancellationToken);

    internal static ProblemHttpResult QuotaUsed(HttpContext context, QuotaRefusal refusal)
    {
        if (refusal.RetryAfter is { } wait)
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: refusal.Title, detail: refusal.Detail);
    }

    private static async Task<Results<Ok<List<SubmissionResponse>>, ProblemHttpResult>> ListMine(Guid phaseId, ClaimsPrincipal user,
        DataChallengeDbContext db, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        var teamId = await db.TeamOfAsync(phase.ChallengeId, user.UserId(), cancellationToken);
        if (teamId is null) return TypedResults.Ok(new List<SubmissionResponse>());
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.PhaseId == phaseId && s.TeamId == teamId)
            .OrderByDescending(s => s.ReceivedAt).Take(500).ToListAsync(cancellationToken);
        var organiser = await db.IsOrganiserAsync(phase.ChallengeId, user.UserId(), cancellationToken);
        var disclosure = await DisclosureAsync(db, phase, teamId.Value, organiser, cancellationToken);
        return TypedResults.Ok(submissions.Select(s => SubmissionResponse.From(s, phase, disclosure, organiser)).ToList());
    }

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Get(Guid submissionId, ClaimsPrincipal user,
        DataChallengeDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == submissionId)
            .Join(db.Phases, s => s.PhaseId, p => p.Id, (s, p) => new { Submission = s, Phase = p })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return Problems.NotFound("The submission");
        var userId = user.UserId();
        var organiser = await db.IsOrganiserAsync(found.Phase.ChallengeId, userId, cancellationToken);
        var mayRead = organiser || await db.TeamOfAsync(found.Phase.ChallengeId, userId, cancellationToken) == found.Submission.TeamId;
        // Another team's submission answers exactly like a missing one.
        if (!mayRead) return Problems.NotFound("The submission");
        var disclosure = await DisclosureAsync(db, found.Phase, found.Submission.TeamId, organiser, cancellationToken);
        return TypedResults.Ok(SubmissionResponse.From(found.Submission, found.Phase, disclosure, organiser));
    }
}
