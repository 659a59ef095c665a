using System.Security.Claims;
using System.Text;
using DataChallenge.Api.Http;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Bundles;

/// <summary>A challenge as one YAML file: exported for organisers, imported to create or update it.</summary>
public static class BundleEndpoints
{
    public const string YamlContentType = "application/yaml";

    private const int MaxBundleBytes = 1024 * 1024;

    public static RouteGroupBuilder MapBundles(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Bundles").RequireAuthorization();
        group.MapGet("/challenges/{slug}/bundle", Export).Produces<string>(StatusCodes.Status200OK, YamlContentType).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The challenge as a bundle.yaml: metadata, phases, rules, scoring configuration, public file names (organisers).");
        group.MapPut("/bundles", Import).Accepts<string>(YamlContentType, "text/yaml", "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Create a challenge from a bundle.yaml (the caller becomes its owner), or update it by slug (organisers): phases are matched by name, new ones added, none deleted; a phase of kind: code takes its code settings as PUT /api/phases/{id}/code does.");
        return group;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Export(string slug, ClaimsPrincipal user, DataChallengeDbContext db,
        CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().Include(c => c.Phases).FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        // The bundle shows rules and settings that are the organisers' own: to anyone else the challenge has none.
        if (challenge is null || !await db.IsOrganiserAsync(challenge.Id, user.UserId(), cancellationToken)) return Problems.NotFound("The challenge's bundle");
        var files = await db.PublicFiles.Where(f => f.ChallengeId == challenge.Id).Select(f => f.Name).ToListAsync(cancellationToken);
        return TypedResults.Text(BundleYamlWriter.Write(BundleMapper.ToBundle(challenge, files)), YamlContentType, Encoding.UTF8);
    }

    private static async Task<Results<Created<BundleImportResponse>, Ok<BundleImportResponse>, ProblemHttpResult>> Import(HttpRequest request,
        ClaimsPrincipal user, DataChallengeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var text = await ReadBodyAsync(request, cancellationToken);
        if (text is null) return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The bundle is too large.",
            detail: $"A bundle.yaml has at most {MaxBundleBytes:N0} bytes; data files are uploaded on their own.");
        Bundle bundle;
        try
        {
            bundle = BundleYamlReader.Read(text);
        }
        catch (BundleFormatException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The bundle is not valid.", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["line"] = e.Line, ["column"] = e.Column });
        }

        var userId = user.UserId();
        var now = clock.GetUtcNow();
        var challenge = await db.Challenges.Include(c => c.Phases).FirstOrDefaultAsync(c => c.Slug == bundle.Slug, cancellationToken);
        var created = challenge is null;
        if (challenge is null)
        {
            challenge = new Challenge { Slug = bundle.Slug, Title = bundle.Title, OwnerId = userId, CreatedAt = now };
            db.Challenges.Add(challenge);
        }
        else if (!await db.IsOrganiserAsync(challenge.Id, userId, cancellationToken))
        {
            // The answer creating a challenge with a taken slug gets: nothing tells a draft from a public challenge.
            return Problems.Conflict($"A challenge with the slug '{bundle.Slug}' already exists.");
        }

        BundleMapper.Apply(bundle, challenge);
        var changes = new List<string>();
        foreach (var source in bundle.Phases)
        {
            var matches = challenge.Phases.Where(p => p.Name == source.Name).ToList();
            if (matches.Count > 1) return Problems.Conflict($"The challenge has several phases called '{source.Name}'; rename them before importing.");
            var phase = matches.SingleOrDefault();
            if (phase is null)
            {
                phase = new Phase { ChallengeId = challenge.Id, Name = source.Name, ScoringConfig = source.ScoringJson };
                // Added explicitly: a new phase found only through the navigation would be taken for an existing row.
                db.Phases.Add(phase);
                changes.Add($"added phase '{source.Name}'");
            }
            else if (PhaseEditing.RevealedWindowProblem(phase, source.ClosesAt) is { } revealed)
            {
                return Problems.BadRequest($"Phase '{source.Name}': {revealed.Message}");
            }
            else if (source.Kind == "predictions" && phase.Code is not null)
            {
                return Problems.BadRequest($"Phase '{source.Name}': 'kind' is code for this phase; a bundle does not turn a code phase back into a predictions phase.");
            }
            else if (phase.ScoringConfig != source.ScoringJson)
            {
                changes.Add($"changed the scoring of phase '{source.Name}'");
            }
            BundleMapper.Apply(source, phase);
        }

        db.Record(challenge.Id, userId, "bundle.imported", $"challenge:{challenge.Id}",
            (created ? "created" : "updated") + (changes.Count > 0 ? "; " + string.Join("; ", changes) : ""), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (created)
        {
            // The unique slug settled a race between two first pushes of the same bundle.
            return Problems.Conflict($"A challenge with the slug '{bundle.Slug}' was just created; push again to update it.");
        }

        var response = new BundleImportResponse(challenge.Slug,
            bundle.Phases.Select(p => new BundlePhaseId(p.Name, challenge.Phases.Single(e => e.Name == p.Name).Id)).ToList());
        return created ? TypedResults.Created($"/api/challenges/{challenge.Slug}", response) : TypedResults.Ok(response);
    }

    // Null when the body is larger than a bundle may be.
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBundleBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBundleBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }
}
