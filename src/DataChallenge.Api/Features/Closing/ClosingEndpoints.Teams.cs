using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Closing;
using DataChallenge.Core.Persistence;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Closing;

public static partial class ClosingEndpoints
{
    private static async Task<Results<Ok<ClosingFileResponse>, ProblemHttpResult>> Upload(Guid phaseId, string document, HttpRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, IObjectStore store, IOptions<ObjectStoreOptions> storeOptions, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // Only the candidate team itself finds its request; everyone else, organisers included, is told there is none.
        var found = await challenges.ByPhaseAsync(phaseId, user, null, cancellationToken);
        var teamId = found is null ? null : await db.TeamOfAsync(found.Value.Phase.ChallengeId, user.UserId(), cancellationToken);
        var candidate = teamId is null ? null
            : await db.WinnerCandidates.FirstOrDefaultAsync(c => c.PhaseId == phaseId && c.TeamId == teamId, cancellationToken);
        if (candidate is null) return Problems.NotFound("The request for documents");
        if (ClosingDocument.Named(document) is not { } kind) return Problems.NotFound("The document");
        var now = clock.GetUtcNow();
        if (!candidate.IsOpenAt(now))
            return Problems.Conflict($"The deadline for documents passed at {candidate.Deadline:yyyy-MM-dd HH:mm} UTC: nothing more is accepted.");
        return await ClosingDocumentUpload.StoreAsync(candidate, kind, user.UserId(), request, db, store, storeOptions.Value, now, cancellationToken);
    }

    private static async Task<Ok<List<ObligationResponse>>> Obligations(ClaimsPrincipal user, DataChallengeDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var teamIds = db.Participants.Where(p => p.UserId == userId).Select(p => p.TeamId);
        var owed = await db.WinnerCandidates.AsNoTracking().Where(c => teamIds.Contains(c.TeamId) && c.PublishedAt == null)
            .Join(db.Phases, c => c.PhaseId, p => p.Id, (c, p) => new { Candidate = c, PhaseName = p.Name })
            .Join(db.Challenges, x => x.Candidate.ChallengeId, ch => ch.Id, (x, ch) => new { x.Candidate, x.PhaseName, ch.Slug })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(owed.Select(o =>
        {
            var url = $"/api/phases/{o.Candidate.PhaseId}/candidates/mine";
            return new ObligationResponse(o.Candidate.PhaseId, o.Slug, o.PhaseName, o.Candidate.Deadline,
                ClosingResponses.File(o.Candidate.FactSheet, null), ClosingResponses.File(o.Candidate.Code, null),
                $"{url}/{ClosingDocument.FactSheet.Name}", $"{url}/{ClosingDocument.Code.Name}");
        }).ToList());
    }

    private static async Task<Results<Ok<FinalRankingResponse>, ProblemHttpResult>> FinalRanking(Guid phaseId, string? key, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        if (await challenges.ByPhaseAsync(phaseId, user, key, cancellationToken) is null) return Problems.NotFound("The phase");
        var ranking = await RankingAsync(db, phaseId, cancellationToken);
        return ranking.Teams.Count == 0 ? Problems.NotFound("The final ranking") : TypedResults.Ok(ranking);
    }

    private static async Task<FinalRankingResponse> RankingAsync(DataChallengeDbContext db, Guid phaseId, CancellationToken cancellationToken)
    {
        var published = await WinnerVerdicts.PublishedAsync(db, phaseId, cancellationToken);
        var teamIds = published.Keys.ToList();
        var names = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var at = published.Values.Select(c => c.PublishedAt!.Value).DefaultIfEmpty().Max();
        return new FinalRankingResponse(phaseId, at, published.Values.Select(c =>
            new FinalRankingEntry(c.TeamId, names.GetValueOrDefault(c.TeamId, ""), ClosingResponses.Word(c.Verdict), c.Reason)).ToList());
    }
}
