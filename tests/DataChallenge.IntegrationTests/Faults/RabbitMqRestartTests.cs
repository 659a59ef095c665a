namespace DataChallenge.IntegrationTests.Faults;

/// <summary>The broker dies during a burst, with the worker in the middle of a message, and comes back.</summary>
[Collection(FaultCollection.Name)]
public sealed class RabbitMqRestartTests(FaultServices services)
{
    [Fact]
    public async Task Scoring_ResumesWithNothingLostOrFailed_WhenTheBrokerIsKilledWhileAWorkerScores()
    {
        services.RequireAvailable();
        await using var run = await FaultRun.StartAsync(services);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var burst = run.BurstAsync(60, TimeSpan.FromMilliseconds(50), stop.Token);

        await run.WhenWorkerStartsAScoreAsync(stop.Token);
        services.Crash(FaultService.RabbitMq);
        await Task.Delay(TimeSpan.FromSeconds(10), stop.Token);
        await services.StartMissingAsync();

        await run.MeasureResumptionAsync("RabbitMQ", TimeSpan.FromSeconds(60), stop.Token);
        await burst;
        await run.AssertEveryUploadScoredOnceAsync(TimeSpan.FromSeconds(60));
    }
}
