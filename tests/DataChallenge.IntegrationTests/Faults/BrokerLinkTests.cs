namespace DataChallenge.IntegrationTests.Faults;

/// <summary>The worker reaches the broker through a link the test can cut or reset; the api's own link stays up.</summary>
[Collection(FaultCollection.Name)]
public sealed class BrokerLinkTests(FaultServices services)
{
    /// <summary>
    /// The lost-consumer race, made deterministic: the worker publishes while the broker's answers are held back, so
    /// each publish waits for its confirm; then the connection resets. A publish left waiting forever on the dead
    /// channel kept the score-submission endpoint from ever consuming again.
    /// </summary>
    [Fact]
    public async Task ScoreSubmissionEndpoint_ConsumesAgain_WhenTheLinkDropsWhileAPublishAwaitsItsConfirm()
    {
        services.RequireAvailable();
        await using var cut = new NetworkCut(services.AmqpPort);
        await using var run = await StartBehindAsync(cut);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var burst = run.BurstAsync(20, TimeSpan.FromMilliseconds(50), stop.Token);

        await run.WhenWorkerStartsAScoreAsync(stop.Token);
        cut.CutReplies();
        await Task.Delay(TimeSpan.FromSeconds(2), stop.Token);
        cut.Drop();
        await Task.Delay(TimeSpan.FromSeconds(3), stop.Token);
        cut.Restore();

        await run.MeasureResumptionAsync("link to the broker reset mid-publish", TimeSpan.FromSeconds(60), stop.Token);
        await burst;
        await run.AssertEveryUploadScoredOnceAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Scoring_ResumesWithNothingLostOrFailed_WhenTheWorkersLinkToTheBrokerIsCutFor30Seconds()
    {
        services.RequireAvailable();
        await using var cut = new NetworkCut(services.AmqpPort);
        await using var run = await StartBehindAsync(cut);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var burst = run.BurstAsync(60, TimeSpan.FromMilliseconds(50), stop.Token);

        await run.WhenWorkerStartsAScoreAsync(stop.Token);
        cut.Cut();
        await Task.Delay(TimeSpan.FromSeconds(30), stop.Token);
        cut.Restore();

        await run.MeasureResumptionAsync("network to the broker", TimeSpan.FromSeconds(60), stop.Token);
        await burst;
        await run.AssertEveryUploadScoredOnceAsync(TimeSpan.FromSeconds(60));
    }

    private Task<FaultRun> StartBehindAsync(NetworkCut cut)
    {
        var broker = new UriBuilder(services.Environment["DATACHALLENGE_TEST_RABBITMQ"]) { Port = cut.Port }.Uri.ToString();
        return FaultRun.StartAsync(services, workerRabbitMqUrl: broker);
    }
}
