using System.Security.Claims;
using DataChallenge.Core.Challenges;
using DataChallenge.Api.Features.Registration;
using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.PublicData;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.PublicData;

public sealed record PublicFileResponse(string Name, string Description, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, string DownloadUrl);

/// <summary>Training data and starter kits: listed for anyone, downloadable by participants and organisers.</summary>
public static class PublicDataEndpoints
{
    private const long MaxPublicFileBytes = 5L * 1024 * 1024 * 1024;

    public static RouteGroupBuilder MapPublicData(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/challenges/{slug}/files").WithTags("Public data");
        group.MapGet("/", List).AllowAnonymous().WithSummary("The challenge's public data files.");
        group.MapGet("/{name}", Download).RequireAuthorization().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Download a public data file (organisers, and approved participants who accepted the current terms).");
        group.MapPut("/{name}", Upload).RequireAuthorization().RequireRateLimiting(RateLimitOptions.UploadsPolicy).Accepts<Stream>("application/octet-stream", "text/csv", "text/plain", "multipart/form-data")
            .WithSummary("Upload or replace a public data file as the request body (organisers).");
        return group;
    }

    private static async Task<Results<Ok<List<PublicFileResponse>>, ProblemHttpResult>> List(string slug, string? key, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, key, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        var files = await db.PublicFiles.AsNoTracking().Where(f => f.ChallengeId == sight.Challenge.Id).OrderBy(f => f.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(files.Select(f => new PublicFileResponse(f.Name, f.Description, f.SizeBytes, f.Sha256, f.UploadedAt,
            $"/api/challenges/{slug}/files/{Uri.EscapeDataString(f.Name)}")).ToList());
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(string slug, string name, string? key, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, IObjectStore store, IOptions<ObjectStoreOptions> storeOptions, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, key, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        // Approved participants bound by the current terms, and organisers: the data-use agreement is enforced here.
        if (await ParticipationGate.RefusalAsync(db, sight, "download its data", cancellationToken) is { } refused) return refused;
        var challengeId = sight.Challenge.Id;
        var file = await db.PublicFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ChallengeId == challengeId && f.Name == name, cancellationToken);
        if (file is null) return Problems.NotFound("The file");
        var content = await store.OpenReadAsync(storeOptions.Value.Buckets.PublicData, file.ObjectKey, cancellationToken);
        return TypedResults.Stream(content, "application/octet-stream", file.Name);
    }

    private static async Task<Results<Ok<PublicFileResponse>, ProblemHttpResult>> Upload(string slug, string name, string? description, HttpRequest request,
        ClaimsPrincipal user, PublicFileStore files, ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        if (!sight.IsOrganiser) return Problems.Forbidden("Only the challenge's organisers can publish data.");
        var challenge = sight.Challenge;
        if (name.Length > 200 || name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.'))
            return Problems.BadRequest("A file name has at most 200 characters, no slashes, and does not start with a dot.");
        try
        {
            var body = await UploadBody.ReadAsync(request, name, cancellationToken);
            if (body is null) return Problems.BadRequest("The request carries no file.");
            await using var upload = await SpooledUpload.ReceiveAsync(body.Content, MaxPublicFileBytes, cancellationToken);
            var file = await files.SaveAsync(challenge.Id, name, description ?? "", upload, cancellationToken);
            return TypedResults.Ok(new PublicFileResponse(file.Name, file.Description, file.SizeBytes, file.Sha256, file.UploadedAt,
                $"/api/challenges/{slug}/files/{Uri.EscapeDataString(file.Name)}"));
        }
        catch (UploadTooLargeException e)
        {
            return Problems.TooLarge(e.Limit);
        }
    }
}
