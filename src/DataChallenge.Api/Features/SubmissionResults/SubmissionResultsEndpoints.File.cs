using System.Security.Claims;
using DataChallenge.Api.Features.Judging;
using DataChallenge.Api.Http;
using DataChallenge.Core.Persistence;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.SubmissionResults;

public static partial class SubmissionResultsEndpoints
{
    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadFile(Guid submissionId, ClaimsPrincipal user, HttpContext http,
        DataChallengeDbContext db, IObjectStore store, IOptions<ObjectStoreOptions> storeOptions, CancellationToken cancellationToken)
    {
        var (submission, _, _) = await JudgingAccess.SubmissionAsync(db, submissionId, user.UserId(), cancellationToken);
        if (submission is null) return Problems.NotFound("The submission");
        Stream content;
        try
        {
            content = await store.OpenReadAsync(storeOptions.Value.Buckets.Submissions, submission.ObjectKey, cancellationToken);
        }
        catch (ObjectNotFoundException)
        {
            return Problems.NotFound("The submission's file");
        }
        // The bytes are a competitor's: never let a browser guess a type that runs.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(content, "application/octet-stream", SafeFileName(submission.FileName));
    }

    /// <summary>Letters, digits, dot, dash and underscore only, so the name cannot break the header or climb folders.</summary>
    internal static string SafeFileName(string name)
    {
        var kept = new string(Path.GetFileName(name).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        if (kept.Length > 100) kept = kept[^100..];
        return kept.Length == 0 ? "submission.csv" : kept;
    }
}
