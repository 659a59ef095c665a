using DataChallenge.Api.Jobs;
using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataChallenge.Api.Tests.Jobs;

/// <summary>Submissions whose message was lost, or whose worker died, are dispatched again, then failed.</summary>
public sealed class RequeueStuckSubmissionsJobTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ServerFactory _server;
    private ApiSession _competitor = null!;
    private Guid _phaseId;

    public RequeueStuckSubmissionsJobTests()
    {
        // No worker role: nothing scores, so every submission stays Received until the job acts.
        _server = new ServerFactory
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddMassTransitTestHarness();
            },
        };
        _server.Settings["Roles"] = "api,leaderboard";
    }

    public async ValueTask InitializeAsync()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        _phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, opensAt: _clock.GetUtcNow().AddDays(-1));
        await organiser.UploadLabelsAsync(_phaseId, SampleFiles.Labels());
        _competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await _competitor.JoinAsync(slug);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task RunAsync_RedispatchesOnce_WhenASubmissionIsStuck()
    {
        var id = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        Assert.Equal(0, await RunJobAsync());

        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await RunJobAsync());
        // Running again at once finds nothing: the attempt was claimed and its clock restarted.
        Assert.Equal(0, await RunJobAsync());

        var submission = await ReadAsync(id);
        Assert.Equal(2, submission.Attempt);
        Assert.Equal(SubmissionStatus.Received, submission.Status);
        var harness = _server.Services.GetTestHarness();
        // Sent before RunAsync returned, so no waiting is needed.
        Assert.Single(harness.Sent.Select<ScoreSubmission>(m => m.Context.Message.SubmissionId == id && m.Context.Message.Attempt == 2));
    }

    [Fact]
    public async Task RunAsync_FailsTheSubmission_AfterTheLastAttempt()
    {
        var id = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(3));
            await RunJobAsync();
        }

        var submission = await ReadAsync(id);
        Assert.Equal(SubmissionStatus.Failed, submission.Status);
        Assert.Equal(3, submission.Attempt);
        var seen = await _competitor.WaitForOutcomeAsync(id);
        Assert.Equal("Failed", seen.GetProperty("status").GetString());
        // The competitor reads a fixed sentence, not the platform's internal reason.
        Assert.Contains("does not count against your quota", seen.GetProperty("message").GetString());
    }

    [Fact]
    public async Task RunAsync_ClaimsEachAttemptOnce_WhenTwoCopiesRunAtOnce()
    {
        var id = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        _clock.Advance(TimeSpan.FromMinutes(3));

        var results = await Task.WhenAll(RunJobAsync(), RunJobAsync());

        Assert.Equal(1, results.Sum());
        Assert.Equal(2, (await ReadAsync(id)).Attempt);
    }

    [Fact]
    public async Task RunAsync_KeepsTheirPlaces_WhenMoreFilesFailInADayThanTheGiveBackCap()
    {
        // Files that make the platform fail must not buy unlimited uploads.
        var uploads = QuotaUse.FailedGiveBacksPerDay + 1;
        var ids = new List<Guid>();
        for (var i = 0; i < uploads; i++) ids.Add(await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions(swaps: i)));
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(3));
            await RunJobAsync();
        }

        var failed = new List<Submission>();
        foreach (var id in ids) failed.Add(await ReadAsync(id));
        Assert.All(failed, s => Assert.Equal(SubmissionStatus.Failed, s.Status));
        Assert.Equal(uploads - QuotaUse.FailedGiveBacksPerDay, failed.Count(s => s.QuotaSlot is not null));
    }

    private async Task<int> RunJobAsync()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RequeueStuckSubmissionsJob>().RunAsync(CancellationToken.None);
    }

    private async Task<Submission> ReadAsync(Guid id)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
    }
}
