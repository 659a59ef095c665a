using System.Security.Claims;
using DataChallenge.Api.Features.Registration;
using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.CodePhases;
using DataChallenge.Core.Persistence;
using DataChallenge.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.CodePhases;

/// <summary>
/// Code phases: organisers set the runtime and limits and upload the hidden test inputs (never served to anyone) and the
/// public smoke data (downloadable by participants); everyone who sees the phase reads its settings and their team's
/// run minutes left today.
/// </summary>
public static class CodePhaseEndpoints
{
    private const long MaxDataBytes = 20L * 1024 * 1024 * 1024;

    public static RouteGroupBuilder MapCodePhases(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/phases/{phaseId:guid}").WithTags("Code phases").RequireAuthorization();
        group.MapPut("/code", Configure).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Make the phase a code phase, or change its runtime, limits and quotas (organisers). Fields left out keep their value.");
        group.MapGet("/code", Read).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A code phase's runtime, limits and data versions, and the caller's team's run minutes and smoke runs left today (UTC).");
        group.MapPut("/hidden-inputs", UploadInputs).RequireRateLimiting(RateLimitOptions.UploadsPolicy).Accepts<Stream>("application/zip", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Upload a new version of the hidden test inputs as a zip (organisers). Runs read them; nobody can download them.");
        group.MapGet("/hidden-inputs", ListInputs).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The files of the current hidden inputs version (organisers only).");
        group.MapGet("/hidden-inputs/versions", ListInputsVersions).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every hidden inputs version, newest first: when it was uploaded, its size and file count, and which one runs read (organisers only).");
        group.MapPut("/smoke-data", UploadSmoke).RequireRateLimiting(RateLimitOptions.UploadsPolicy).Accepts<Stream>("application/zip", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Upload a new version of the public smoke data as a zip (organisers): same shape as the hidden inputs, public rows.");
        group.MapGet("/smoke-data", DownloadSmoke).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Download the current smoke data as a zip (participants and organisers).");
        return group;
    }

    private static async Task<Results<Ok<CodePhaseResponse>, ProblemHttpResult>> Configure(Guid phaseId, CodeSettingsRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase is null || !await db.IsOrganiserAsync(phase.ChallengeId, user.UserId(), cancellationToken)) return Problems.NotFound("The phase");
        if (CodeSettingsCheck.Refusal(request) is { } refusal) return Problems.BadRequest("The code settings are not valid.", refusal);
        var code = request.ApplyTo(phase.Code ?? new CodePhaseSettings());
        phase.Code = code;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CodePhaseResponse.From(phase.Id, code, null));
    }

    private static async Task<Results<Ok<CodePhaseResponse>, ProblemHttpResult>> Read(Guid phaseId, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        var sight = phase is null ? null : await challenges.ByIdAsync(phase.ChallengeId, user, null, cancellationToken);
        if (phase?.Code is not { } code || sight is null) return Problems.NotFound("The code phase");
        var teamId = await db.TeamOfAsync(phase.ChallengeId, user.UserId(), cancellationToken);
        var quota = teamId is null ? null : await ComputeQuota.ReadAsync(db, phase.Id, code, teamId.Value, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(CodePhaseResponse.From(phase.Id, code, quota));
    }

    private static Task<Results<Ok<CodeDataResponse>, ProblemHttpResult>> UploadInputs(Guid phaseId, HttpRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, CodeDataStore data, CancellationToken cancellationToken)
        => UploadAsync(phaseId, request, user, db, data, smoke: false, cancellationToken);

    private static Task<Results<Ok<CodeDataResponse>, ProblemHttpResult>> UploadSmoke(Guid phaseId, HttpRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, CodeDataStore data, CancellationToken cancellationToken)
        => UploadAsync(phaseId, request, user, db, data, smoke: true, cancellationToken);

    private static async Task<Results<Ok<CodeDataResponse>, ProblemHttpResult>> UploadAsync(Guid phaseId, HttpRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, CodeDataStore data, bool smoke, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase is null || !await db.IsOrganiserAsync(phase.ChallengeId, user.UserId(), cancellationToken)) return Problems.NotFound("The phase");
        if (phase.Code is not { } code) return Problems.BadRequest("This phase is not a code phase: set its code settings first (PUT …/code).");
        try
        {
            var body = await UploadBody.ReadAsync(request, smoke ? "smoke.zip" : "inputs.zip", cancellationToken);
            if (body is null) return Problems.BadRequest("The request carries no file.");
            await using var upload = await SpooledUpload.ReceiveAsync(body.Content, MaxDataBytes, cancellationToken);
            var version = (smoke ? code.SmokeDataVersion : code.InputsVersion) + 1;
            var files = smoke
                ? await data.StoreAsync(data.PublicBucket, CodePhaseSettings.SmokePrefix(phase.Id, version), upload, cancellationToken)
                : await data.StoreAsync(data.HiddenBucket, CodePhaseSettings.InputsPrefix(phase.Id, version), upload, cancellationToken);
            if (files.Count == 0) return Problems.BadRequest("The zip holds no file.");
            if (smoke) await data.PutSmokeArchiveAsync(phase.Id, version, upload, cancellationToken);
            if (smoke) code.SmokeDataVersion = version;
            else code.InputsVersion = version;
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(new CodeDataResponse(version, files));
        }
        catch (UploadTooLargeException e)
        {
            return Problems.TooLarge(e.Limit);
        }
        catch (UnsafeArchiveException e)
        {
            return Problems.BadRequest("The zip was refused.", e.Message);
        }
    }

    // Organisers only: anyone else is told the phase does not exist, so not even the file names leak.
    private static async Task<Results<Ok<CodeDataResponse>, ProblemHttpResult>> ListInputs(Guid phaseId, ClaimsPrincipal user, DataChallengeDbContext db,
        CodeDataStore data, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase?.Code is not { } code || !await db.IsOrganiserAsync(phase.ChallengeId, user.UserId(), cancellationToken)) return Problems.NotFound("The phase");
        var files = await data.ReadManifestAsync(data.HiddenBucket, CodePhaseSettings.InputsPrefix(phase.Id, code.InputsVersion), cancellationToken);
        return TypedResults.Ok(new CodeDataResponse(code.InputsVersion, files));
    }

    // Organisers only, like the listing above; versions stay in the store, so an older one can be compared with the current.
    private static async Task<Results<Ok<List<CodeInputsVersionResponse>>, ProblemHttpResult>> ListInputsVersions(Guid phaseId, ClaimsPrincipal user,
        DataChallengeDbContext db, CodeDataStore data, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase?.Code is not { } code || !await db.IsOrganiserAsync(phase.ChallengeId, user.UserId(), cancellationToken)) return Problems.NotFound("The phase");
        var versions = new List<CodeInputsVersionResponse>();
        for (var version = code.InputsVersion; version > 0; version--)
        {
            if (await data.ReadVersionAsync(data.HiddenBucket, CodePhaseSettings.InputsPrefix(phase.Id, version), cancellationToken) is not { } manifest) continue;
            versions.Add(new CodeInputsVersionResponse(version, manifest.UploadedAt, manifest.Files.Sum(f => f.SizeBytes), manifest.Files.Count,
                version == code.InputsVersion));
        }
        return TypedResults.Ok(versions);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadSmoke(Guid phaseId, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, CodeDataStore data, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        var sight = phase is null ? null : await challenges.ByIdAsync(phase.ChallengeId, user, null, cancellationToken);
        if (phase?.Code is not { } code || sight is null || code.SmokeDataVersion == 0) return Problems.NotFound("The smoke data");
        // The same data-use agreement as the challenge's public files.
        if (await ParticipationGate.RefusalAsync(db, sight, "download its data", cancellationToken) is { } refused) return refused;
        var content = await data.OpenAsync(data.PublicBucket, CodeDataStore.SmokeArchiveKey(phase.Id, code.SmokeDataVersion), cancellationToken);
        return TypedResults.Stream(content, "application/zip", $"smoke-v{code.SmokeDataVersion}.zip");
    }
}
