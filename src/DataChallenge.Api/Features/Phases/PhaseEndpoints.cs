using System.Security.Claims;
using System.Text.Json;
using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
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
        group.MapGet("/phases/{phaseId:guid}", Get).AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A phase, its rules and its scoring configuration (?key= opens an unlisted challenge's phase).");
        group.MapPut("/phases/{phaseId:guid}", Update).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Edit a phase's name, window and rules (organisers; audited as phase.updated).");
        group.MapPut("/phases/{phaseId:guid}/labels", UploadLabels).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireRateLimiting(RateLimitOptions.UploadsPolicy)
            .WithSummary("Upload the hidden labels as the request body (CSV); each upload is a new version (organisers).")
            .Accepts<Stream>("text/csv", "text/plain", "application/octet-stream", "multipart/form-data");
        return group;
    }

    private static async Task<Results<Created<PhaseResponse>, ProblemHttpResult>> Create(string slug, CreatePhaseRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sight = await challenges.BySlugAsync(slug, user, null, cancellationToken);
        if (sight is null) return Problems.NotFound("The challenge");
        if (!sight.IsOrganiser) return Problems.Forbidden("Only the challenge's organisers can add phases.");
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100) return Problems.BadRequest("A phase name has 1 to 100 characters.");
        var opensAt = request.OpensAt ?? clock.GetUtcNow();
        if (request.ClosesAt <= opensAt) return Problems.BadRequest("A phase must close after it opens.");
        if (PhaseEditing.RulesProblem(request.MaxFileBytes, request.MaxSubmissionsPerDay, request.MaxSubmissionsTotal, request.MaxRejectedPerDay,
                request.MaxFinalSubmissions) is { } invalid)
            return Problems.BadRequest(invalid.Message);
        if (request.UnlimitedSubmissionsPerDay && request.MaxSubmissionsPerDay is not null)
            return Problems.BadRequest("Give maxSubmissionsPerDay or unlimitedSubmissionsPerDay, not both.");

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
            ChallengeId = sight.Challenge.Id, Name = request.Name.Trim(), OpensAt = opensAt, ClosesAt = request.ClosesAt,
            ScoringConfig = configJson, MaxFileBytes = request.MaxFileBytes ?? 100L * 1024 * 1024,
            MaxSubmissionsPerDay = request.UnlimitedSubmissionsPerDay ? null : request.MaxSubmissionsPerDay ?? Phase.DefaultMaxSubmissionsPerDay,
            MaxSubmissionsTotal = request.MaxSubmissionsTotal,
            MaxRejectedPerDay = request.MaxRejectedPerDay ?? 50, MaxFinalSubmissions = request.MaxFinalSubmissions ?? 2,
        };
        db.Phases.Add(phase);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/phases/{phase.Id}", PhaseResponse.From(phase));
    }

    private static async Task<Results<Ok<PhaseResponse>, ProblemHttpResult>> Get(Guid phaseId, string? key, ClaimsPrincipal user, DataChallengeDbContext db,
        ChallengeLookup challenges, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase is null || await challenges.ByIdAsync(phase.ChallengeId, user, key, cancellationToken) is null) return Problems.NotFound("The phase");
        return TypedResults.Ok(PhaseResponse.From(phase));
    }

    private static async Task<Results<Ok<PhaseResponse>, ProblemHttpResult>> Update(Guid phaseId, UpdatePhaseRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        var sight = phase is null ? null : await challenges.ByIdAsync(phase.ChallengeId, user, null, cancellationToken);
        if (phase is null || sight is null) return Problems.NotFound("The phase");
        if (!sight.IsOrganiser) return Problems.Forbidden("Only the challenge's organisers can edit its phases.");
        var change = new PhaseChange(request.Name, request.OpensAt, request.ClosesAt, request.MaxFileBytes, request.MaxSubmissionsPerDay,
            request.MaxSubmissionsTotal, request.MaxRejectedPerDay, request.MaxFinalSubmissions);
        if (PhaseEditing.Check(phase, change) is { } invalid) return Problems.BadRequest(invalid.Message);

        PhaseEditing.Apply(db, phase, change, sight.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PhaseResponse.From(phase));
    }

    private static async Task<Results<Ok<LabelsUploadResponse>, ProblemHttpResult>> UploadLabels(Guid phaseId, HttpRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, IObjectStore store, IOptions<ObjectStoreOptions> storeOptions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase is null || !await db.IsOrganiserAsync(phase.ChallengeId, user.UserId(), cancellationToken)) return Problems.NotFound("The phase");
        SpooledUpload upload;
        try
        {
            var body = await UploadBody.ReadAsync(request, "labels.csv", cancellationToken);
            if (body is null) return Problems.BadRequest("The request carries no file.");
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

}
