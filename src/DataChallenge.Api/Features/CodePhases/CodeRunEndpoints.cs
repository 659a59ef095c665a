using System.Security.Claims;
using System.Text.Json;
using DataChallenge.Api.Features.Submissions;
using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Api.Features.CodePhases;

/// <summary>A code run as organisers see it: what ran, on what, how long, and whether a re-run wrote the same predictions.</summary>
public sealed record CodeRunResponse(Guid SubmissionId, string Status, int Attempt, bool Smoke, double? RunMilliseconds, bool? Reproducible, bool HasLog,
    JsonElement? Provenance);

/// <summary>
/// The organisers' side of code runs: a run's provenance, and a re-run of any finished code submission (a new attempt on
/// the same archive). To anyone else both answer as if the submission did not exist.
/// </summary>
public static class CodeRunEndpoints
{
    public static RouteGroupBuilder MapCodeRuns(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/submissions/{submissionId:guid}").WithTags("Code phases").RequireAuthorization();
        group.MapGet("/run", Read).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A code run's provenance: archive and runtime hashes, inputs and labels versions, limits, duration, peak memory, worker (organisers).");
        group.MapPost("/rerun", Rerun).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Run a finished code submission again on the same archive (organisers); the run says whether it wrote the same predictions.");
        return group;
    }

    private static async Task<Results<Ok<CodeRunResponse>, ProblemHttpResult>> Read(Guid submissionId, ClaimsPrincipal user, DataChallengeDbContext db,
        CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, submissionId, user, cancellationToken);
        return found is null ? Problems.NotFound("The submission") : TypedResults.Ok(Describe(found.Value.Submission));
    }

    private static async Task<Results<Accepted<CodeRunResponse>, ProblemHttpResult>> Rerun(Guid submissionId, ClaimsPrincipal user, DataChallengeDbContext db,
        SubmissionDispatcher dispatcher, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, submissionId, user, cancellationToken) is not var (submission, phase)) return Problems.NotFound("The submission");
        if (phase.IsRevealed) return Problems.Conflict("The private leaderboard of this phase is revealed: its submissions are not run again.");
        if (!SubmissionLifecycle.Allows(submission.Status, SubmissionTransition.Rerun)) return Problems.Conflict("The submission is still on its way: wait for its outcome.");
        var now = clock.GetUtcNow();
        var next = submission.Attempt + 1;
        // Claimed on the attempt read: two re-runs at once start one run.
        var claimed = await db.Submissions.Where(s => s.Id == submission.Id && s.Attempt == submission.Attempt)
            .Where(SubmissionLifecycle.CanTake(SubmissionTransition.Rerun))
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, SubmissionLifecycle.Target(SubmissionTransition.Rerun))
                .SetProperty(s => s.Attempt, next)
                .SetProperty(s => s.DispatchedAt, now)
                .SetProperty(s => s.StartedAt, (DateTimeOffset?)null)
                .SetProperty(s => s.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(s => s.Message, (string?)null), cancellationToken);
        if (claimed == 0) return Problems.Conflict("Another re-run of this submission came first.");
        submission.Attempt = next;
        submission.Status = SubmissionLifecycle.Target(SubmissionTransition.Rerun);
        try
        {
            await dispatcher.DispatchAsync(submission, phase, cancellationToken);
        }
        catch (Exception e)
        {
            // The row is committed; the re-dispatch job sends the run.
            logs.CreateLogger(typeof(CodeRunEndpoints)).LogWarning(e, "Re-run of {SubmissionId} is recorded but its dispatch failed", submission.Id);
        }
        return TypedResults.Accepted($"/api/submissions/{submission.Id}/run", Describe(submission));
    }

    private static async Task<(Submission Submission, Phase Phase)?> FindAsync(DataChallengeDbContext db, Guid submissionId, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var found = await db.Submissions.AsNoTracking().Where(s => s.Id == submissionId)
            .Join(db.Phases, s => s.PhaseId, p => p.Id, (s, p) => new { Submission = s, Phase = p })
            .FirstOrDefaultAsync(cancellationToken);
        if (found?.Phase.Code is null || !await db.IsOrganiserAsync(found.Phase.ChallengeId, user.UserId(), cancellationToken)) return null;
        return (found.Submission, found.Phase);
    }

    private static CodeRunResponse Describe(Submission s)
        => new(s.Id, s.Status.ToString(), s.Attempt, s.IsSmoke, s.RunMilliseconds, s.Reproducible, s.LogKey is not null,
            s.ProvenanceJson is null ? null : JsonDocument.Parse(s.ProvenanceJson).RootElement.Clone());
}
