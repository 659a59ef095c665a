using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Api.Jobs;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataChallenge.IntegrationTests.Spine;

/// <summary>
/// The spine on PostgreSQL, RabbitMQ and a real S3 server (Swift's s3api, SigV4), all roles in one process, each role
/// with its own object-store user and compose's rights (<see cref="ObjectStoreRights"/>).
/// </summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private readonly string _runId = RealServices.NewRunId();
    private ServerFactory _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = new ServerFactory();
        foreach (var (key, value) in RealServices.Settings(_runId)) _server.Settings[key] = value;
        _server.Settings["Sandbox:Kind"] = "bubblewrap";
        _server.Settings["Sandbox:WorkRoot"] = Path.Combine(_server.DataFolder, "sandbox");
        await ObjectStoreRights.ProvisionAsync(_runId);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await RealServices.DropDatabaseIfUsedAsync(_runId);
    }

    [Fact]
    public async Task Submission_IsScoredAndRanked_OnTheRealServices()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        var other = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(slug, "Real services");
        await other.JoinAsync(slug, "Someone else");

        var submissionId = await competitor.SubmitAsync(phaseId, SampleFiles.Predictions(swaps: 1));
        var outcome = await competitor.WaitForOutcomeAsync(submissionId);

        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        Assert.InRange(outcome.GetProperty("score").GetDouble(), 0.5, 0.999);
        var row = Assert.Single((await competitor.LeaderboardWithEntriesAsync(phaseId, 1)).GetProperty("rows").EnumerateArray());
        Assert.Equal("Real services", row.GetProperty("team").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/submissions/{submissionId}")).StatusCode);

        // The prediction file really is in the S3 server, under its SHA-256 as received.
        await using var scope = _server.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IObjectStore>();
        var buckets = scope.ServiceProvider.GetRequiredService<IOptions<ObjectStoreOptions>>().Value.Buckets;
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        var submission = await db.Submissions.SingleAsync(s => s.Id == submissionId);
        await using var stored = await store.OpenReadAsync(buckets.Submissions, submission.ObjectKey, CancellationToken.None);
        Assert.Equal(submission.Sha256, Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stored)));

        // The listing the abandoned-upload cleaner relies on finds it, with a plausible write time.
        var listed = new List<StoredObject>();
        await foreach (var item in store.ListAsync(buckets.Submissions, $"phases/{phaseId:N}/", CancellationToken.None)) listed.Add(item);
        var found = Assert.Single(listed);
        Assert.Equal(submission.ObjectKey, found.Key);
        Assert.InRange(found.LastModified, submission.ReceivedAt.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task CodeSubmission_IsRunScoredAndRanked_OnTheRealServices()
    {
        Bubblewrap.Require();
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await CodePhaseSetup.CreateAsync(organiser, slug);
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(slug, "Real code");

        var submitted = await competitor.Client.PostAsync($"/api/phases/{phaseId}/submissions?fileName=code.zip", CodePhaseSetup.Zip(("main.py", CodePhaseSetup.PredictX)));
        await ApiSession.EnsureAsync(submitted, "submit code", HttpStatusCode.Accepted);
        var submissionId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var outcome = await competitor.WaitForOutcomeAsync(submissionId, TimeSpan.FromMinutes(2));

        Assert.True("Scored" == outcome.GetProperty("status").GetString(), $"Ended {outcome}");
        Assert.Equal(1.0, outcome.GetProperty("score").GetDouble(), 6);
        Assert.Equal("Real code", Assert.Single((await competitor.LeaderboardWithEntriesAsync(phaseId, 1)).GetProperty("rows").EnumerateArray())
            .GetProperty("team").GetString());
        Assert.Contains("wrote predictions.csv", await organiser.ReadLogAsync(submissionId));
    }

    [Fact]
    public async Task StuckSubmission_IsRedispatchedAndScored_WhenItsMessageWasLost()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        var teamId = await competitor.JoinAsync(slug);
        var first = await competitor.SubmitAsync(phaseId, SampleFiles.Predictions());
        await competitor.WaitForOutcomeAsync(first);

        // A row committed whose message never reached the broker: the crash window between commit and publish.
        Guid lostId;
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
            var original = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == first);
            var lost = new Submission
            {
                PhaseId = phaseId, TeamId = teamId, UserId = original.UserId, FileName = "lost.csv", ObjectKey = original.ObjectKey,
                Sha256 = original.Sha256, SizeBytes = original.SizeBytes, ReceivedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
                DispatchedAt = DateTimeOffset.UtcNow.AddMinutes(-10), Status = SubmissionStatus.Received,
            };
            db.Submissions.Add(lost);
            await db.SaveChangesAsync();
            lostId = lost.Id;
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<RequeueStuckSubmissionsJob>().RunAsync(CancellationToken.None));
        }

        var outcome = await competitor.WaitForOutcomeAsync(lostId);
        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        var row = Assert.Single((await competitor.LeaderboardWithEntriesAsync(phaseId, 2)).GetProperty("rows").EnumerateArray());
        Assert.Equal(2, row.GetProperty("entries").GetInt32());
    }

    [Fact]
    public async Task ScoringProgram_IsStoredInNewVersionsAndRun_WhenTheApiCannotReadHiddenLabels()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());

        // The api may write the archive but not look into hidden-labels; a second upload is a new version, not an overwrite.
        Assert.Equal(1, await ScoringPrograms.UploadAsync(organiser, phaseId, "print('first')"));
        Assert.Equal(2, await ScoringPrograms.UploadAsync(organiser, phaseId, ScoringPrograms.Accuracy));

        ScoringPrograms.RequireBubblewrap();
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(slug);
        var submissionId = await competitor.SubmitAsync(phaseId, SampleFiles.Predictions(swaps: 3));
        var outcome = await competitor.WaitForOutcomeAsync(submissionId, TimeSpan.FromSeconds(90));

        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        // Public rows are r0..r39: 3 swapped pairs miss 6 of 40 rows, so only version 2 can give this score.
        Assert.Equal(34.0 / 40, outcome.GetProperty("score").GetDouble(), 12);
    }
}
