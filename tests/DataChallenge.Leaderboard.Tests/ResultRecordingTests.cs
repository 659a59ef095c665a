using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Leaderboard.Tests;

/// <summary>Replayed and duplicated messages never score twice nor add a second board row.</summary>
public sealed class ResultRecordingTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new() { ConfigureServices = services => services.AddMassTransitTestHarness() };
    private ApiSession _competitor = null!;
    private Guid _phaseId;
    private Guid _submissionId;

    public async ValueTask InitializeAsync()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        _phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        await organiser.UploadLabelsAsync(_phaseId, SampleFiles.Labels());
        _competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await _competitor.JoinAsync(slug);
        _submissionId = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions(swaps: 2));
        await _competitor.WaitForOutcomeAsync(_submissionId);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task SubmissionScored_ChangesNothing_WhenTheSubmissionIsAlreadyScored()
    {
        var before = await ReadAsync();
        var harness = _server.Services.GetTestHarness();

        await harness.Bus.Publish(new SubmissionScored
        {
            SubmissionId = _submissionId, Attempt = 7, LabelsVersion = 1, PrimaryMetric = "roc_auc", HigherIsBetter = true,
            Scores = [new MetricScore("public", "roc_auc", 0.123, null)], ScorerVersion = "replay", ScoredAt = DateTimeOffset.UtcNow,
            DurationMilliseconds = 1,
        }, TestContext.Current.CancellationToken);
        // The harness's own Any() gives up after a short idle spell; a loaded machine needs a real deadline.
        await WaitUntilAsync(() => harness.Consumed.Select<SubmissionScored>(m => m.Context.Message.Attempt == 7).Any());

        var after = await ReadAsync();
        Assert.Equal(before.Submission.PublicScore, after.Submission.PublicScore);
        Assert.Equal(before.Submission.ScorerVersion, after.Submission.ScorerVersion);
        Assert.Equal(1, after.Entries);
    }

    [Fact]
    public async Task ScoreSubmission_Replayed_LeavesOneScoreAndOneBoardRow()
    {
        var before = await ReadAsync();
        var harness = _server.Services.GetTestHarness();
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
            var phase = await db.Phases.SingleAsync(p => p.Id == _phaseId, TestContext.Current.CancellationToken);
            // The same command twice, as a broker redelivery after a lost acknowledgement would.
            var queue = await harness.Bus.GetSendEndpoint(new Uri("queue:score-submission"));
            for (var i = 0; i < 2; i++)
                await queue.Send(new ScoreSubmission
                {
                    SubmissionId = _submissionId, Attempt = 1, PhaseId = _phaseId, PredictionsKey = before.Submission.ObjectKey,
                    LabelsKey = phase.LabelsKey, LabelsVersion = phase.LabelsVersion, ScoringConfig = phase.ScoringConfig,
                }, TestContext.Current.CancellationToken);
        }

        // Three results in all: the original and the two replays; only the first was recorded.
        await WaitUntilAsync(() => harness.Consumed.Select<SubmissionScored>(m => m.Context.Message.SubmissionId == _submissionId).Count() >= 3);
        var after = await ReadAsync();
        Assert.Equal(before.Submission.PublicScore, after.Submission.PublicScore);
        Assert.Equal(before.Submission.FinishedAt, after.Submission.FinishedAt);
        Assert.Equal(1, after.Entries);
        Assert.Equal(1, after.EntryCount);
    }

    private async Task<(Submission Submission, int Entries, int EntryCount)> ReadAsync()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == _submissionId);
        var entries = await db.LeaderboardEntries.Where(e => e.PhaseId == _phaseId).ToListAsync();
        Assert.Equal(SubmissionStatus.Scored, submission.Status);
        return (submission, entries.Count, entries.Sum(e => e.Entries));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The expected messages were not consumed.");
            await Task.Delay(50);
        }
    }
}
