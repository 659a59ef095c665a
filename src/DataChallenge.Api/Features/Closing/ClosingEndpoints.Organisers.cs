using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Closing;
using DataChallenge.Core.CodePhases;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Closing;

public static partial class ClosingEndpoints
{
    private static async Task<Results<Created<CandidateResponse>, ProblemHttpResult>> Mark(Guid phaseId, MarkCandidateRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var phase = await OrganisedPhaseAsync(db, challenges, phaseId, user, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        if (!phase.IsRevealed) return NotRevealed();
        var now = clock.GetUtcNow();
        if (request.Deadline <= now) return Problems.BadRequest("The deadline is in the future.");
        if (await db.WinnerCandidates.AnyAsync(c => c.PhaseId == phaseId && c.PublishedAt != null, cancellationToken))
            return Problems.Conflict("The final ranking of this phase is already published.");
        var candidate = await WinnerVerdicts.MarkAsync(db, phase, request.TeamId, request.Deadline, user.UserId(), now, cancellationToken);
        if (candidate is null) return Problems.NotFound("The team");
        var described = await DescribeAsync(db, phase, [candidate], cancellationToken);
        return TypedResults.Created($"/api/phases/{phaseId}/candidates", described[0]);
    }

    private static async Task<Results<Ok<List<CandidateResponse>>, ProblemHttpResult>> List(Guid phaseId, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        var phase = await OrganisedPhaseAsync(db, challenges, phaseId, user, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        var candidates = await db.WinnerCandidates.AsNoTracking().Where(c => c.PhaseId == phaseId).ToListAsync(cancellationToken);
        return TypedResults.Ok(await DescribeAsync(db, phase, candidates, cancellationToken));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(Guid phaseId, Guid teamId, string document, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, IObjectStore store, IOptions<ObjectStoreOptions> storeOptions, CancellationToken cancellationToken)
    {
        if (await OrganisedPhaseAsync(db, challenges, phaseId, user, cancellationToken) is null) return Problems.NotFound("The phase");
        var candidate = await db.WinnerCandidates.AsNoTracking().FirstOrDefaultAsync(c => c.PhaseId == phaseId && c.TeamId == teamId, cancellationToken);
        var kind = ClosingDocument.Named(document);
        var file = kind == ClosingDocument.Code ? candidate?.Code : kind == ClosingDocument.FactSheet ? candidate?.FactSheet : null;
        if (file is null) return Problems.NotFound("The document");
        // Always an attachment of no particular type: a fact sheet is never rendered inside the platform's origin.
        var content = await store.OpenReadAsync(storeOptions.Value.Buckets.Submissions, file.ObjectKey, cancellationToken);
        return TypedResults.Stream(content, "application/octet-stream", file.FileName);
    }

    private static async Task<Results<Ok<FinalRankingResponse>, ProblemHttpResult>> Publish(Guid phaseId, PublishFinalRankingRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var phase = await OrganisedPhaseAsync(db, challenges, phaseId, user, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        if (!phase.IsRevealed) return NotRevealed();
        var verdicts = new List<TeamVerdict>();
        foreach (var given in request.Verdicts ?? [])
        {
            if (ClosingResponses.Parse(given.Verdict) is not { } verdict)
                return Problems.BadRequest("A verdict is verified, not-verified or disqualified.", $"'{given.Verdict}' is none of them.");
            verdicts.Add(new TeamVerdict(given.TeamId, verdict, given.Reason));
        }
        var candidates = await db.WinnerCandidates.Where(c => c.PhaseId == phaseId).ToListAsync(cancellationToken);
        if (WinnerVerdicts.Refusal(candidates, verdicts) is { } refused)
            return candidates.Any(c => c.PublishedAt is not null) ? Problems.Conflict(refused) : Problems.BadRequest(refused);
        await WinnerVerdicts.PublishAsync(db, candidates, verdicts, user.UserId(), clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(await RankingAsync(db, phaseId, cancellationToken));
    }

    private static async Task<List<CandidateResponse>> DescribeAsync(DataChallengeDbContext db, Phase phase, IReadOnlyList<WinnerCandidate> candidates,
        CancellationToken cancellationToken)
    {
        var teamIds = candidates.Select(c => c.TeamId).ToList();
        var names = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        // Re-running is the code-run endpoint's job; the list only points at the submissions it can take.
        var reruns = phase.Kind != PhaseKind.Code
            ? []
            : await db.Submissions.AsNoTracking().Where(s => s.PhaseId == phase.Id && teamIds.Contains(s.TeamId) && s.Status == SubmissionStatus.Scored)
                .Select(s => new { s.TeamId, s.Id }).ToListAsync(cancellationToken);
        var url = $"/api/phases/{phase.Id}/candidates";
        return candidates.Select(c => new CandidateResponse(c.TeamId, names.GetValueOrDefault(c.TeamId, ""), c.Deadline,
            ClosingResponses.File(c.FactSheet, $"{url}/{c.TeamId}/{ClosingDocument.FactSheet.Name}"),
            ClosingResponses.File(c.Code, $"{url}/{c.TeamId}/{ClosingDocument.Code.Name}"),
            ClosingResponses.Word(c.Verdict), c.Reason, c.PublishedAt,
            reruns.Where(r => r.TeamId == c.TeamId).Select(r => $"/api/submissions/{r.Id}/rerun").ToList())).ToList();
    }
}
