using System.Security.Claims;
using System.Text;
using System.Text.Json;
using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DataChallenge.Api.Features.Phases;

/// <summary>A program upload's outcome: the archive version and the phase's new scoring configuration.</summary>
public sealed record ScoringProgramResponse(int Version, long Bytes, string Sha256, int Files, JsonElement ScoringConfig);

/// <summary>
/// Organisers upload a scoring program (a zip) with its settings; the archive goes to the hidden side of the store and
/// the phase's scoring configuration then names it, so the worker runs it instead of a built-in metric set.
/// </summary>
public static class ScoringProgramEndpoints
{
    private const long MaxArchiveBytes = 100L * 1024 * 1024;
    private const int MaxConfigBytes = 16 * 1024;

    public static RouteGroupBuilder MapScoringPrograms(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Phases").RequireAuthorization();
        group.MapPut("/phases/{phaseId:guid}/program", Upload).RequireRateLimiting(RateLimitOptions.UploadsPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Upload a scoring program (organisers): a multipart form whose field 'config' (JSON: command, runtime, metrics, "
                + "primary_metric, higher_is_better, split_column) comes before the zip file. Each upload is a new version.")
            .Accepts<Stream>("multipart/form-data");
        return group;
    }

    private static async Task<Results<Ok<ScoringProgramResponse>, ProblemHttpResult>> Upload(Guid phaseId, HttpRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, IObjectStore store, IOptions<ObjectStoreOptions> storeOptions, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase is null || !await db.IsOrganiserAsync(phase.ChallengeId, user.UserId(), cancellationToken)) return Problems.NotFound("The phase");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxArchiveBytes + MaxConfigBytes + 65536;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return Problems.BadRequest("Send a multipart form: a 'config' field, then the zip file.");

        var reader = new MultipartReader(boundary, request.Body);
        ProgramConfig? config = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            if (disposition.IsFormDisposition() && disposition.Name.Value == "config")
            {
                try
                {
                    config = ProgramConfig.ParseProgram(await ReadConfigAsync(section.Body, cancellationToken));
                }
                catch (Exception e) when (e is ProgramConfigException or JsonException)
                {
                    return Problems.BadRequest("The program configuration is not valid.", e.Message);
                }
            }
            else if (disposition.IsFileDisposition())
            {
                if (config is null) return Problems.BadRequest("The 'config' field must come before the file.");
                return await StoreAsync(phase, config, section.Body, db, store, storeOptions.Value, cancellationToken);
            }
        }

        return Problems.BadRequest("The request carries no zip file.");
    }

    private static async Task<Results<Ok<ScoringProgramResponse>, ProblemHttpResult>> StoreAsync(Phase phase, ProgramConfig config,
        Stream body, DataChallengeDbContext db, IObjectStore store, ObjectStoreOptions storeOptions, CancellationToken cancellationToken)
    {
        SpooledUpload upload;
        try
        {
            upload = await SpooledUpload.ReceiveAsync(body, MaxArchiveBytes, cancellationToken);
        }
        catch (UploadTooLargeException e)
        {
            return Problems.TooLarge(e.Limit);
        }

        await using (upload)
        {
            ArchiveSummary summary;
            try
            {
                // The worker checks again when it unpacks; refusing here tells the organiser at once.
                summary = SafeArchive.Check(upload.File, new ArchiveLimits());
            }
            catch (UnsafeArchiveException e)
            {
                return Problems.BadRequest("The program archive was refused.", e.Message);
            }

            upload.File.Position = 0;
            // Archives from before versions were counted are named only by the configuration.
            var latest = Math.Max(phase.ProgramVersion, ProgramConfig.IsProgram(phase.ScoringConfig) ? ProgramConfig.Parse(phase.ScoringConfig).ArchiveVersion : 0);
            var version = latest + 1;
            // The version is claimed before the archive is written, so no two uploads ever write the same key.
            var claimed = await db.Phases.Where(p => p.Id == phase.Id && p.ProgramVersion == phase.ProgramVersion)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.ProgramVersion, version), cancellationToken);
            if (claimed == 0) return Problems.Conflict("Another program upload for this phase came first; upload again.");
            var named = config with { Archive = $"v{version}" };
            await store.PutAsync(storeOptions.Buckets.HiddenLabels, ProgramConfig.ArchiveKeyOf(phase.Id, version), upload.File, upload.Length,
                "application/zip", cancellationToken);
            var json = named.ToJson();
            // The configuration only moves from the one this upload read; a concurrent upload that got there first wins.
            var updated = await db.Phases.Where(p => p.Id == phase.Id && p.ScoringConfig == phase.ScoringConfig)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.ScoringConfig, json), cancellationToken);
            if (updated == 0) return Problems.Conflict("The phase's scoring configuration changed during the upload; upload again.");
            return TypedResults.Ok(new ScoringProgramResponse(version, upload.Length, upload.Sha256, summary.Files,
                JsonDocument.Parse(json).RootElement.Clone()));
        }
    }

    private static async Task<JsonElement> ReadConfigAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxConfigBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0) length += read;
        if (length > MaxConfigBytes) throw new ProgramConfigException($"The 'config' field is larger than {MaxConfigBytes} bytes.");
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length));
        return document.RootElement.Clone();
    }
}
