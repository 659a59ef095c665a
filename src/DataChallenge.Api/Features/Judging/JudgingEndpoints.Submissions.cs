using System.Security.Claims;
using DataChallenge.Api.Features.Submissions;
using DataChallenge.Api.Http;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Judging;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Judging;

public static partial class JudgingEndpoints
{
    private static async Task<Results<Ok<List<SubmissionResponse>>, ProblemHttpResult>> ListAll(Guid phaseId, ClaimsPrincipal user, DataChallengeDbContext db,
        IOptions<PlatformOptions> platform, CancellationToken cancellationToken)
    {
        var (phase, organiser) = await JudgingAccess.PhaseAsync(db, phaseId, user.UserId(), platform.Value, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        if (!organiser) return Problems.Forbidden("Only the challenge's organisers see every team's submissions.");
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.PhaseId == phaseId)
            .OrderByDescending(s => s.ReceivedAt).Take(5000).ToListAsync(cancellationToken);
        return TypedResults.Ok(submissions.Select(s => SubmissionResponse.From(s, phase, mayReadPrivate: true)).ToList());
    }

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Invalidate(Guid submissionId, InvalidateRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, IPublishEndpoint bus, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (submission, phase, organiser) = await JudgingAccess.SubmissionAsync(db, submissionId, user.UserId(), cancellationToken);
        if (submission is null || phase is null) return Problems.NotFound("The submission");
        if (!organiser) return Problems.Forbidden("Only the challenge's organisers can invalidate a submission.");
        var now = clock.GetUtcNow();
        var outcome = await SubmissionInvalidation.InvalidateAsync(db, submission, phase, user.UserId(), request.Reason, now, cancellationToken);
        if (outcome == InvalidationOutcome.ReasonMissing)
            return Problems.BadRequest($"Give a reason of 1 to {SubmissionInvalidation.MaxReasonLength} characters; it is kept in the audit trail.");
        if (outcome == InvalidationOutcome.Invalidated) await BoardChangedAsync(bus, phase.Id, now, cancellationToken);
        return TypedResults.Ok(SubmissionResponse.From(submission, phase, mayReadPrivate: true));
    }

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> MarkBaseline(Guid submissionId, BaselineRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, IPublishEndpoint bus, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (submission, phase, organiser) = await JudgingAccess.SubmissionAsync(db, submissionId, user.UserId(), cancellationToken);
        if (submission is null || phase is null) return Problems.NotFound("The submission");
        if (!organiser) return Problems.Forbidden("Only the challenge's organisers mark baselines.");
        if (request.IsBaseline && !await db.IsOrganiserAsync(phase.ChallengeId, submission.UserId, cancellationToken))
            return Problems.Conflict("Only a submission uploaded by an organiser can be a baseline.");
        if (submission.IsBaseline == request.IsBaseline) return TypedResults.Ok(SubmissionResponse.From(submission, phase, mayReadPrivate: true));

        var now = clock.GetUtcNow();
        submission.IsBaseline = request.IsBaseline;
        submission.IsFinal = false;
        db.Record(phase.ChallengeId, user.UserId(), request.IsBaseline ? "submission.baseline" : "submission.unbaseline", $"submission:{submission.Id}",
            request.IsBaseline ? "Marked as a baseline." : "No longer a baseline.", now);
        await db.SaveChangesAsync(cancellationToken);
        await BoardChangedAsync(bus, phase.Id, now, cancellationToken);
        return TypedResults.Ok(SubmissionResponse.From(submission, phase, mayReadPrivate: true));
    }

    private static async Task<Results<Accepted<SubmissionResponse>, ProblemHttpResult>> Redispatch(Guid submissionId, ClaimsPrincipal user,
        DataChallengeDbContext db, SubmissionDispatcher dispatcher, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (submission, phase, organiser) = await JudgingAccess.SubmissionAsync(db, submissionId, user.UserId(), cancellationToken);
        if (submission is null || phase is null) return Problems.NotFound("The submission");
        if (!organiser) return Problems.Forbidden("Only the challenge's organisers can send a submission again.");
        if (!SubmissionLifecycle.Allows(submission.Status, SubmissionTransition.Resend)) return Problems.Conflict("Only a failed submission can be sent again.");

        var now = clock.GetUtcNow();
        var next = submission.Attempt + 1;
        // Claimed on its status and attempt: two organisers pressing at once dispatch it once.
        var claimed = await db.Submissions.Where(s => s.Id == submissionId && s.Attempt == submission.Attempt)
            .Where(SubmissionLifecycle.CanTake(SubmissionTransition.Resend))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SubmissionLifecycle.Target(SubmissionTransition.Resend)).SetProperty(s => s.Attempt, next)
                .SetProperty(s => s.DispatchedAt, now).SetProperty(s => s.FinishedAt, (DateTimeOffset?)null).SetProperty(s => s.Message, (string?)null),
                cancellationToken);
        if (claimed == 0) return Problems.Conflict("Only a failed submission can be sent again.");
        db.Record(phase.ChallengeId, user.UserId(), "submission.redispatched", $"submission:{submission.Id}", $"Attempt {next}.", now);
        await db.SaveChangesAsync(cancellationToken);

        var fresh = await db.Submissions.AsNoTracking().FirstAsync(s => s.Id == submissionId, cancellationToken);
        await dispatcher.DispatchAsync(fresh, phase, cancellationToken);
        return TypedResults.Accepted($"/api/submissions/{submissionId}", SubmissionResponse.From(fresh, phase, mayReadPrivate: true));
    }
}
