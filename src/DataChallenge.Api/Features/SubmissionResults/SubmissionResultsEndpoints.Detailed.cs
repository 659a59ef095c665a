using System.Security.Claims;
using DataChallenge.Api.Features.Judging;
using DataChallenge.Api.Http;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.SubmissionResults;

public static partial class SubmissionResultsEndpoints
{
    /// <summary>
    /// The page runs nothing and reaches nothing: no script, form, frame or request leaves it, and the sandbox gives it an
    /// origin of its own, so an organiser program's HTML can neither act as the viewer nor read the platform's cookies.
    /// </summary>
    public const string DetailedResultsPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetDetailedResults(Guid submissionId, string split, ClaimsPrincipal user,
        HttpContext http, DataChallengeDbContext db, IObjectStore store, IOptions<ObjectStoreOptions> storeOptions, CancellationToken cancellationToken)
    {
        var (submission, phase, organiser) = await JudgingAccess.SubmissionAsync(db, submissionId, user.UserId(), cancellationToken);
        if (submission is null || phase is null || !DetailedResultsKeys.Splits.Contains(split)) return Problems.NotFound("The submission");
        if (!DetailedResultsLinks.MayRead(phase, organiser, split)) return Problems.NotFound("The detailed results");
        Stream content;
        try
        {
            var key = DetailedResultsKeys.For(phase.Id, submission.Id, submission.Attempt, split);
            content = await store.OpenReadAsync(storeOptions.Value.Buckets.Submissions, key, cancellationToken);
        }
        catch (ObjectNotFoundException)
        {
            return Problems.NotFound("The detailed results");
        }
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = DetailedResultsPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        return TypedResults.Stream(content, "text/html; charset=utf-8");
    }
}
