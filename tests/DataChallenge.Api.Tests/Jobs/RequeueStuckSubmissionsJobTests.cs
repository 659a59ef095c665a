using DataChallenge.Api.Jobs;
using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.Messaging;
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
    private readonly FakeQueueMonitor _queues = new();
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
                services.AddSingleton<IQueueMonitor>(_queues);
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
    public async Task RunAsync_ResendsOnceWithoutUsingAnAttempt_WhenNoWorkerStartedIt()
    {
        var id = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        Assert.Equal(0, await RunJobAsync());

        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await RunJobAsync());
        // Running again at once finds nothing: the submission was claimed and its clock restarted.
        Assert.Equal(0, await RunJobAsync());

        var submission = await ReadAsync(id);
        Assert.Equal(1, submission.Attempt);
        Assert.Equal(SubmissionStatus.Received, submission.Status);
        // Sent before RunAsync returned, so no waiting is needed.
        Assert.Equal(2, SentCommands(id));
    }

    [Fact]
    public async Task RunAsync_RedispatchesTheNextAttempt_WhenAWorkerStartedAndWentSilent()
    {
        var id = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        await StartScoringAsync(id, attempt: 1);

        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await RunJobAsync());

        var submission = await ReadAsync(id);
        Assert.Equal(2, submission.Attempt);
        Assert.Equal(SubmissionStatus.Received, submission.Status);
        var harness = _server.Services.GetTestHarness();
        Assert.Single(harness.Sent.Select<ScoreSubmission>(m => m.Context.Message.SubmissionId == id && m.Context.Message.Attempt == 2));
    }

    [Fact]
    public async Task RunAsync_FailsTheSubmission_AfterTheLastAttemptAWorkerStarted()
    {
        var id = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await StartScoringAsync(id, attempt);
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
    public async Task RunAsync_NeverFails_WhenNoWorkerEverStartedTheSubmission()
    {
        var id = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        for (var round = 0; round < 10; round++)
        {
            _clock.Advance(TimeSpan.FromMinutes(3));
            await RunJobAsync();
        }

        var submission = await ReadAsync(id);
        Assert.Equal(SubmissionStatus.Received, submission.Status);
        Assert.Equal(1, submission.Attempt);
    }

    [Fact]
    public async Task RunAsync_NeitherCountsNorResends_WhenTheQueueHasNoConsumer()
    {
        _queues.Read = queue => new QueueState(queue, Messages: 7, Consumers: 0);
        var id = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        await StartScoringAsync(id, attempt: 1);
        for (var round = 0; round < 5; round++)
        {
            _clock.Advance(TimeSpan.FromMinutes(3));
            Assert.Equal(0, await RunJobAsync());
        }

        var submission = await ReadAsync(id);
        Assert.Equal(SubmissionStatus.Scoring, submission.Status);
        Assert.Equal(1, submission.Attempt);
        Assert.Equal(1, SentCommands(id));
    }

    [Fact]
    public async Task RunAsync_NeitherCountsNorResends_WhenTheBrokerIsUnreachable()
    {
        _queues.Read = _ => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);
        var id = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        for (var round = 0; round < 5; round++)
        {
            _clock.Advance(TimeSpan.FromMinutes(3));
            Assert.Equal(0, await RunJobAsync());
        }

        Assert.Equal(1, (await ReadAsync(id)).Attempt);
        Assert.Equal(1, SentCommands(id));
    }

    [Fact]
    public async Task RunAsync_DoesNotStackASecondCopy_WhileCommandsAreStillQueued()
    {
        _queues.Read = queue => new QueueState(queue, Messages: 300, Consumers: 1);
        var id = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(0, await RunJobAsync());
        Assert.Equal(1, SentCommands(id));

        // Once the queue has drained, a submission still waiting lost its command: it is sent once more.
        _queues.Read = queue => new QueueState(queue, Messages: 0, Consumers: 1);
        Assert.Equal(1, await RunJobAsync());
        Assert.Equal(2, SentCommands(id));
        Assert.Equal(1, (await ReadAsync(id)).Attempt);
    }

    [Fact]
    public async Task RunAsync_SendsOnce_WhenTwoCopiesRunAtOnce()
    {
        var id = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        _clock.Advance(TimeSpan.FromMinutes(3));

        var results = await Task.WhenAll(RunJobAsync(), RunJobAsync());

        Assert.Equal(1, results.Sum());
        Assert.Equal(2, SentCommands(id));
    }

    [Fact]
    public async Task RunAsync_KeepsTheirPlaces_WhenMoreFilesFailInADayThanTheGiveBackCap()
    {
        // Files that make the platform fail must not buy unlimited uploads.
        var uploads = QuotaUse.FailedGiveBacksPerDay + 1;
        var ids = new List<Guid>();
        for (var i = 0; i < uploads; i++) ids.Add(await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions(swaps: i)));
        // Each attempt is started by a worker that then goes silent: only such attempts can end in Failed.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            foreach (var id in ids) await StartScoringAsync(id, attempt);
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

    private int SentCommands(Guid id)
        => _server.Services.GetTestHarness().Sent.Select<ScoreSubmission>(m => m.Context.Message.SubmissionId == id).Count();

    // What a worker does first: the leaderboard role records the start, and from then on the attempt counts.
    private async Task StartScoringAsync(Guid id, int attempt)
    {
        var harness = _server.Services.GetTestHarness();
        await harness.Bus.Publish(new SubmissionScoringStarted { SubmissionId = id, Attempt = attempt, StartedAt = _clock.GetUtcNow() });
        for (var i = 0; i < 100 && (await ReadAsync(id)).Status != SubmissionStatus.Scoring; i++) await Task.Delay(50);
        Assert.Equal(SubmissionStatus.Scoring, (await ReadAsync(id)).Status);
    }

    private async Task<Submission> ReadAsync(Guid id)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
    }
}
