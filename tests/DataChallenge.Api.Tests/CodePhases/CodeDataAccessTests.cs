using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Api.Features.CodePhases;
using DataChallenge.Core.CodePhases;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Tests.CodePhases;

/// <summary>
/// Hidden inputs and hidden runs' logs are the organisers' only: to competitors they do not exist. Smoke data and smoke
/// runs' logs are the team's to read.
/// </summary>
public sealed class CodeDataAccessTests : IAsyncLifetime
{
    private CodePhaseArena _arena = null!;

    public async ValueTask InitializeAsync() => _arena = await CodePhaseArena.StartAsync();

    public ValueTask DisposeAsync() => _arena.DisposeAsync();

    [Fact]
    public async Task Competitor_CannotListOrReadHiddenInputs_WhenAskingTheApi()
    {
        var listing = await _arena.Competitor.Client.GetAsync($"/api/phases/{_arena.PhaseId}/hidden-inputs");
        var upload = await _arena.Competitor.Client.PutAsync($"/api/phases/{_arena.PhaseId}/hidden-inputs",
            CodePhaseArena.ZipContent(CodePhaseArena.Zip(("x.csv", "a\n1\n"))));

        Assert.Equal(HttpStatusCode.NotFound, listing.StatusCode);
        Assert.DoesNotContain(CodePhaseArena.HiddenInputName, await listing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        // The organiser sees what was uploaded.
        Assert.Contains(CodePhaseArena.HiddenInputName, await _arena.Organiser.Client.GetStringAsync($"/api/phases/{_arena.PhaseId}/hidden-inputs"));
    }

    [Fact]
    public async Task InputsVersions_ListEveryVersionNewestFirst_WhenTheOrganiserAsks()
    {
        await _arena.Organiser.Client.PutAsync($"/api/phases/{_arena.PhaseId}/hidden-inputs",
            CodePhaseArena.ZipContent(CodePhaseArena.Zip(("a.csv", "id\n1\n"), ("b.csv", "id\n2\n3\n"))));

        var versions = await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/hidden-inputs/versions");

        Assert.Equal(2, versions.GetArrayLength());
        var (newest, first) = (versions[0], versions[1]);
        Assert.Equal(2, newest.GetProperty("version").GetInt32());
        Assert.True(newest.GetProperty("current").GetBoolean());
        Assert.Equal(2, newest.GetProperty("fileCount").GetInt32());
        Assert.Equal("id\n1\n".Length + "id\n2\n3\n".Length, newest.GetProperty("totalBytes").GetInt64());
        Assert.Equal(_arena.Clock.GetUtcNow(), newest.GetProperty("uploadedAt").GetDateTimeOffset());
        Assert.False(first.GetProperty("current").GetBoolean());
        Assert.Equal(1, first.GetProperty("fileCount").GetInt32());
        Assert.Equal(Encoding.UTF8.GetByteCount(CodePhaseArena.HiddenInputs()), first.GetProperty("totalBytes").GetInt64());
    }

    [Fact]
    public async Task InputsVersions_ShowNoUploadTime_WhenTheManifestPredatesIt()
    {
        // A manifest as first written: a bare list of files, without the upload time.
        var store = _arena.Server.Services.GetRequiredService<IObjectStore>();
        var bucket = _arena.Server.Services.GetRequiredService<IOptions<ObjectStoreOptions>>().Value.Buckets.HiddenLabels;
        using (var old = new MemoryStream(Encoding.UTF8.GetBytes("""[{"Name":"old.csv","SizeBytes":42,"Sha256":"00"}]""")))
            await store.PutAsync(bucket, CodeDataStore.ManifestKey(CodePhaseSettings.InputsPrefix(_arena.PhaseId, 1)), old, old.Length, "application/json", CancellationToken.None);

        var version = (await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/hidden-inputs/versions"))[0];

        Assert.Equal(JsonValueKind.Null, version.GetProperty("uploadedAt").ValueKind);
        Assert.Equal(42, version.GetProperty("totalBytes").GetInt64());
        Assert.Equal(1, version.GetProperty("fileCount").GetInt32());
    }

    [Fact]
    public async Task InputsVersions_Answer404ProblemDetails_WhenACompetitorAsks()
    {
        var response = await _arena.Competitor.Client.GetAsync($"/api/phases/{_arena.PhaseId}/hidden-inputs/versions");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("totalBytes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Competitor_CannotReachHiddenInputs_ThroughTheSmokeDataOrPublicFiles()
    {
        var smoke = await _arena.Competitor.Client.GetByteArrayAsync($"/api/phases/{_arena.PhaseId}/smoke-data");
        var files = await _arena.Competitor.Client.GetStringAsync($"/api/phases/{_arena.PhaseId}/code");

        Assert.DoesNotContain(CodePhaseArena.HiddenInputName, Encoding.UTF8.GetString(smoke));
        Assert.DoesNotContain(CodePhaseArena.HiddenInputName, files);
    }

    [Fact]
    public async Task SmokeData_IsDownloadable_ByAParticipant()
    {
        var response = await _arena.Competitor.Client.GetAsync($"/api/phases/{_arena.PhaseId}/smoke-data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal("person.csv", Assert.Single(zip.Entries).FullName);
    }

    [Fact]
    public async Task Log_Answers404ToTheTeam_WhenTheRunWasOnTheHiddenInputs()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission());
        var logKey = await StoreLogAsync(id, "age of person 1 is 44");
        await _arena.PublishAsync(CodeRunMessages.Finished(id, 1, smoke: false, logKey: logKey), id, s => s.LogKey is not null);

        var team = await _arena.Competitor.Client.GetAsync($"/api/submissions/{id}/log");
        var organiser = await _arena.Organiser.Client.GetAsync($"/api/submissions/{id}/log");

        Assert.Equal(HttpStatusCode.NotFound, team.StatusCode);
        Assert.DoesNotContain("age of person", await team.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, organiser.StatusCode);
        Assert.Equal("age of person 1 is 44", await organiser.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Log_IsReadableByTheTeam_WhenTheRunWasASmokeRun()
    {
        var id = await _arena.SubmitAcceptedAsync(CodePhaseArena.GoodSubmission(), smoke: true);
        var logKey = await StoreLogAsync(id, "loaded 1 person");
        await _arena.PublishAsync(CodeRunMessages.Finished(id, 1, smoke: true, logKey: logKey), id, s => s.LogKey is not null);

        var team = await _arena.Competitor.Client.GetAsync($"/api/submissions/{id}/log");
        var stranger = await (await Testing.ApiSession.RegisterAsync(_arena.Server.CreateClient())).Client.GetAsync($"/api/submissions/{id}/log");

        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        Assert.Equal("loaded 1 person", await team.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    private async Task<string> StoreLogAsync(Guid id, string text)
    {
        var key = CodeRunKeys.Log(_arena.PhaseId, id, 1);
        var store = _arena.Server.Services.GetRequiredService<IObjectStore>();
        var bucket = _arena.Server.Services.GetRequiredService<IOptions<ObjectStoreOptions>>().Value.Buckets.Submissions;
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await store.PutAsync(bucket, key, content, content.Length, "text/plain", CancellationToken.None);
        return key;
    }
}
