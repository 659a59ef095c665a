using System.Security.Claims;
using System.Text.Json;
using DataChallenge.Api.Http;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Phases;

public static class PhaseEndpoints
{
    private const long MaxLabelsBytes = 2L * 1024 * 1024 * 1024;

    public static RouteGroupBuilder MapPhases(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Phases").RequireAuthorization();
        group.MapPost("/challenges/{slug}/phases", Create).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Add a phase to a challenge (organisers).");
        group.MapGet("/phases/{phaseId:guid}", Get).AllowAnonymous().WithSummary("A phase and its scoring configuration.");
        group.MapPut("/phases/{phaseId:guid}/labels", UploadLabels).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Upload the hidden labels as the request body (CSV); each upload is a new version (organisers).")
            .Accepts<Stream>("text/csv", "text/plain", "application/octet-stream", "multipart/form-data");
        return group;
    }

    private static async Task<Results<Created<PhaseResponse>, ProblemHttpResult>> Create(string slug, CreatePhaseRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (challenge is null) return Problems.NotFound("The challenge");
        if (challenge.OwnerId != user.UserId()) return Problems.Forbidden("Only the challenge's organisers can add phases.");
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100) return Problems.BadRequest("A phase name has 1 to 100 characters.");
        if (request.ClosesAt <= (request.OpensAt ?? clock.GetUtcNow())) return Problems.BadRequest("A phase must close after it opens.");
        if (request.MaxFileBytes is <= 0) return Problems.BadRequest("The largest file size must be positive.");

        var configJson = request.ScoringConfig.ValueKind == JsonValueKind.Object ? request.ScoringConfig.GetRawText() : "";
        try
        {
            ScoringConfig.Parse(configJson);
        }
        catch (ScoringConfigException e)
        {
            return Problems.BadRequest("The scoring configuration is not valid.", e.Message);
        }

        var phase = new Phase
        {
            ChallengeId = challenge.Id, Name = request.Name.Trim(), OpensAt = request.OpensAt ?? clock.GetUtcNow(), ClosesAt = request.ClosesAt,
            ScoringConfig = configJson, MaxFileBytes = request.MaxFileBytes ?? 100L * 1024 * 1024,
        };
        db.Phases.Add(phase);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/phases/{phase.Id}", ResponseOf(phase));
    }

    private static async Task<Results<Ok<PhaseResponse>, ProblemHttpResult>> Get(Guid phaseId, DataChallengeDbContext db, CancellationToken cancellationToken)
        => await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken) is { } phase
            ? TypedResults.Ok(ResponseOf(phase))
            : Problems.NotFound("The phase");

    private static async Task<Results<Ok<LabelsUploadResponse>, ProblemHttpResult>> UploadLabels(Guid phaseId, HttpRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, IObjectStore store, IOptions<ObjectStoreOptions> storeOptions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase is null || !await db.IsOrganiserAsync(phase.ChallengeId, user.UserId(), cancellationToken)) return Problems.NotFound("The phase");
        var body = await UploadBody.ReadAsync(request, "labels.csv", cancellationToken);
        if (body is null) return Problems.BadRequest("The request carries no file.");

        SpooledUpload upload;
        try
        {
            upload = await SpooledUpload.ReceiveAsync(body.Content, MaxLabelsBytes, cancellationToken);
        }
        catch (UploadTooLargeException e)
        {
            return Problems.TooLarge(e.Limit);
        }
        await using (upload)
        {
            if (upload.Length == 0) return Problems.BadRequest("The labels file is empty.");
            var version = phase.LabelsVersion + 1;
            var key = Phase.HiddenLabelsKey(phase.Id, version);
            await store.PutAsync(storeOptions.Value.Buckets.HiddenLabels, key, upload.File, upload.Length, "text/csv", cancellationToken);
            // Versions only move forward; a concurrent upload of the same version loses and is told so.
            var updated = await db.Phases.Where(p => p.Id == phase.Id && p.LabelsVersion == phase.LabelsVersion)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.LabelsVersion, version), cancellationToken);
            if (updated == 0) return Problems.Conflict("Another labels upload for this phase finished first; upload again.");
            db.Record(phase.ChallengeId, user.UserId(), "labels.uploaded", $"phase:{phase.Id}",
                $"Hidden labels v{version}: {upload.Length} bytes, SHA-256 {upload.Sha256}.", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(new LabelsUploadResponse(version, upload.Length, upload.Sha256));
        }
    }

    private static PhaseResponse ResponseOf(Phase phase) => new(phase.Id, phase.ChallengeId, phase.Name, phase.OpensAt, phase.ClosesAt,
        JsonDocument.Parse(phase.ScoringConfig).RootElement.Clone(), phase.MaxFileBytes, phase.LabelsVersion);
}
