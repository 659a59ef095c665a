using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Api.Features.Bundles;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Bundles;

/// <summary>PUT /api/bundles and GET /api/challenges/{slug}/bundle: who may, what changes, and the round trip.</summary>
public sealed class BundleEndpointsTests : IAsyncLifetime
{
    private const string Slug = "heart-failure";

    private readonly ServerFactory _server = new();
    private ApiSession _owner = null!;
    private ApiSession _outsider = null!;

    public async ValueTask InitializeAsync()
    {
        _owner = await ApiSession.RegisterAsync(_server.CreateClient());
        _outsider = await ApiSession.RegisterAsync(_server.CreateClient());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Import_Returns201AndMakesTheCallerOwner_WhenTheSlugIsNew()
    {
        var response = await PutAsync(_owner, BundleYamlTests.Sample);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/challenges/{Slug}", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Slug, body.GetProperty("slug").GetString());
        Assert.Equal(["Development", "Standing"], body.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var (challenge, phases) = await LoadAsync();
        Assert.Equal("Predicting heart failure", challenge.Title);
        Assert.Equal("# Predict readmission\n\nUse the *training* data.\n", challenge.Description);
        var development = phases.Single(p => p.Name == "Development");
        Assert.Equal(body.GetProperty("phases")[0].GetProperty("id").GetGuid(), development.Id);
        Assert.Equal(512L * 1024, development.MaxFileBytes);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 12, 30, 0, TimeSpan.Zero), development.ClosesAt);
        Assert.Equal("roc_auc", JsonDocument.Parse(development.ScoringConfig).RootElement.GetProperty("primary_metric").GetString());
        Assert.Equal(100L * 1024 * 1024, phases.Single(p => p.Name == "Standing").MaxFileBytes);
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var ownerId = await db.Users.Where(u => u.Email == _owner.Email).Select(u => u.Id).SingleAsync();
        Assert.Equal(ChallengeRole.Owner, await db.RoleInAsync(challenge.Id, ownerId, CancellationToken.None));
    }

    [Fact]
    public async Task Import_UpdatesMatchedPhasesAddsNewOnesAndDeletesNone_WhenAnOrganiserPushesAgain()
    {
        var first = await (await PutAsync(_owner, BundleYamlTests.Sample)).Content.ReadFromJsonAsync<JsonElement>();
        var changed = BundleYamlTests.Sample
            .Replace("title: Predicting heart failure", "title: Heart failure, second edition", StringComparison.Ordinal)
            .Replace("closes_at: 2026-02-01T12:30:00Z", "closes_at: 2026-03-01T00:00:00Z", StringComparison.Ordinal)
            .Replace("- name: Standing", "- name: Final", StringComparison.Ordinal);

        var response = await PutAsync(_owner, changed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Development", "Final"], body.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(first.GetProperty("phases")[0].GetProperty("id").GetGuid(), body.GetProperty("phases")[0].GetProperty("id").GetGuid());
        var (challenge, phases) = await LoadAsync();
        Assert.Equal("Heart failure, second edition", challenge.Title);
        Assert.Equal(["Development", "Final", "Standing"], phases.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), phases.Single(p => p.Name == "Development").ClosesAt);
    }

    [Fact]
    public async Task Import_Returns409AndChangesNothing_WhenTheSlugBelongsToAnotherOrganiser()
    {
        await PutAsync(_owner, BundleYamlTests.Sample);

        var response = await PutAsync(_outsider, BundleYamlTests.Sample.Replace("title: Predicting heart failure", "title: Taken over", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Predicting heart failure", (await LoadAsync()).Challenge.Title);
    }

    [Fact]
    public async Task Import_Returns200_WhenACollaboratorPushes()
    {
        await PutAsync(_owner, BundleYamlTests.Sample);
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
            var challengeId = await db.Challenges.Where(c => c.Slug == Slug).Select(c => c.Id).SingleAsync();
            var userId = await db.Users.Where(u => u.Email == _outsider.Email).Select(u => u.Id).SingleAsync();
            db.ChallengeCollaborators.Add(new ChallengeCollaborator { ChallengeId = challengeId, UserId = userId, AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var response = await PutAsync(_outsider, BundleYamlTests.Sample.Replace("title: Predicting heart failure", "title: Co-edited", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Co-edited", (await LoadAsync()).Challenge.Title);
        Assert.Equal(HttpStatusCode.OK, (await _outsider.Client.GetAsync($"/api/challenges/{Slug}/bundle")).StatusCode);
    }

    [Fact]
    public async Task Import_Returns400WithLineAndColumn_WhenAKeyIsUnknown()
    {
        var response = await PutAsync(_owner, BundleYamlTests.Sample.Replace("  closes_at: 2026-02-01T12:30:00Z", "  closes_at: 2026-02-01T12:30:00Z\n  deadline: soon", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The bundle is not valid.", problem.GetProperty("title").GetString());
        Assert.Equal(15, problem.GetProperty("line").GetInt32());
        Assert.Equal(3, problem.GetProperty("column").GetInt32());
        Assert.StartsWith("Line 15, column 3: Unknown key 'deadline' in a phase", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var scope = _server.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Challenges.AnyAsync(c => c.Slug == Slug));
    }

    [Fact]
    public async Task Import_Returns413_WhenTheBundleIsLargerThanOneMebibyte()
    {
        var huge = BundleYamlTests.Sample.Replace("terms: Data for research only.", "terms: " + new string('x', 1024 * 1024), StringComparison.Ordinal);

        var response = await PutAsync(_owner, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Import_RecordsBundleImportedInTheAuditTrail_WhenItCreatesAndUpdates()
    {
        await PutAsync(_owner, BundleYamlTests.Sample);
        await PutAsync(_owner, BundleYamlTests.Sample.Replace("primary_metric: roc_auc", "primary_metric: log_loss", StringComparison.Ordinal));

        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var challengeId = await db.Challenges.Where(c => c.Slug == Slug).Select(c => c.Id).SingleAsync();
        var ownerId = await db.Users.Where(u => u.Email == _owner.Email).Select(u => u.Id).SingleAsync();
        var entries = await db.AuditEntries.Where(a => a.ChallengeId == challengeId).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(("bundle.imported", ownerId, $"challenge:{challengeId}"), (e.Action, e.ActorId!.Value, e.Subject)));
        Assert.StartsWith("created; added phase 'Development'", entries[0].Detail, StringComparison.Ordinal);
        Assert.Equal("updated; changed the scoring of phase 'Development'", entries[1].Detail);
    }

    [Fact]
    public async Task Export_Returns404_WhenTheCallerIsNotAnOrganiser()
    {
        // Public, so that the outsider can join and ask as a participant.
        await PutAsync(_owner, BundleYamlTests.Sample.Replace("visibility: unlisted", "visibility: public", StringComparison.Ordinal));
        await _outsider.JoinAsync(Slug);

        var participant = await _outsider.Client.GetAsync($"/api/challenges/{Slug}/bundle");
        var missing = await _owner.Client.GetAsync("/api/challenges/no-such-challenge/bundle");
        var anonymous = await _server.CreateClient().GetAsync($"/api/challenges/{Slug}/bundle");

        Assert.Equal(HttpStatusCode.NotFound, participant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Export_ListsPublicFilesAndNeverLabels_WhenTheChallengeHasBoth()
    {
        var body = await (await PutAsync(_owner, BundleYamlTests.Sample)).Content.ReadFromJsonAsync<JsonElement>();
        await _owner.UploadLabelsAsync(body.GetProperty("phases")[0].GetProperty("id").GetGuid(), "id,label\nr1,1\n");
        await ApiSession.EnsureAsync(await _owner.Client.PutAsync($"/api/challenges/{Slug}/files/train.csv", new StringContent("id,x\nr1,2\n", Encoding.UTF8, "text/csv")), "upload");

        var response = await _owner.Client.GetAsync($"/api/challenges/{Slug}/bundle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("public_files:\n- train.csv\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("labels:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundTrip_GivesTheSameTextAndEntities_WhenAnExportIsImportedAgain()
    {
        await PutAsync(_owner, BundleYamlTests.Sample);
        var exported = await _owner.Client.GetStringAsync($"/api/challenges/{Slug}/bundle");
        var before = await LoadAsync();

        var again = await PutAsync(_owner, exported);
        var reexported = await _owner.Client.GetStringAsync($"/api/challenges/{Slug}/bundle");
        var after = await LoadAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(exported, reexported);
        Assert.Equal((before.Challenge.Slug, before.Challenge.Title, before.Challenge.Description), (after.Challenge.Slug, after.Challenge.Title, after.Challenge.Description));
        Assert.Equal(before.Phases.Select(Fields), after.Phases.Select(Fields));
        Assert.Equal(BundleYamlReader.Read(BundleYamlTests.Sample).Phases.Select(p => p.ScoringJson), before.Phases.Select(p => p.ScoringConfig));
    }

    [Fact]
    public async Task Export_ReadsBack_WhenTheChallengeWasMadeThroughTheJsonApi()
    {
        var slug = await _owner.CreateChallengeAsync();
        await _owner.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), maxFileBytes: 123_456);

        var exported = await _owner.Client.GetStringAsync($"/api/challenges/{slug}/bundle");

        var bundle = BundleYamlReader.Read(exported);
        var phase = Assert.Single(bundle.Phases);
        Assert.Equal(123_456L, (long)Math.Round(phase.Rules.MaxFileMb!.Value * 1024 * 1024));
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(SampleFiles.BinaryConfig)), JsonSerializer.Serialize(JsonDocument.Parse(phase.ScoringJson)));
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(_owner, exported)).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesBothRoutesWithYaml_WhenRead()
    {
        var document = await _server.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        var import = paths.GetProperty("/api/bundles").GetProperty("put");
        Assert.True(import.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/yaml", out _));
        var export = paths.GetProperty("/api/challenges/{slug}/bundle").GetProperty("get");
        Assert.True(export.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/yaml", out _));
    }

    private static (Guid, string, DateTimeOffset, DateTimeOffset?, string, long) Fields(Phase p) => (p.Id, p.Name, p.OpensAt, p.ClosesAt, p.ScoringConfig, p.MaxFileBytes);

    private static Task<HttpResponseMessage> PutAsync(ApiSession session, string yaml)
        => session.Client.PutAsync("/api/bundles", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

    private async Task<(Challenge Challenge, List<Phase> Phases)> LoadAsync()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var challenge = await db.Challenges.AsNoTracking().SingleAsync(c => c.Slug == Slug);
        var phases = await db.Phases.AsNoTracking().Where(p => p.ChallengeId == challenge.Id).ToListAsync();
        return (challenge, phases.OrderBy(p => p.OpensAt).ThenBy(p => p.Name, StringComparer.Ordinal).ToList());
    }
}
