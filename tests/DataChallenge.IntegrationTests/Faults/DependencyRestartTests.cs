namespace DataChallenge.IntegrationTests.Faults;

/// <summary>
/// Each dependency dies during a burst of uploads, with the worker in the middle of a message, and comes back 10 s
/// later. Whatever was acknowledged is scored once, nothing is charged as Failed, and scoring resumes within a bound.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class DependencyRestartTests(FaultServices services)
{
    [Theory]
    [InlineData(FaultService.RabbitMq)]
    [InlineData(FaultService.Postgres)]
    [InlineData(FaultService.S3)]
    public async Task Scoring_ResumesWithNothingLostOrFailed_WhenADependencyIsKilledWhileAWorkerScores(FaultService dependency)
    {
        services.RequireAvailable();
        await using var run = await FaultRun.StartAsync(services);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var burst = run.BurstAsync(60, TimeSpan.FromMilliseconds(50), stop.Token);

        await run.WhenWorkerStartsAScoreAsync(stop.Token);
        services.Crash(dependency);
        await Task.Delay(TimeSpan.FromSeconds(10), stop.Token);
        await services.StartMissingAsync();

        await run.MeasureResumptionAsync(dependency.ToString(), TimeSpan.FromSeconds(60), stop.Token);
        await burst;
        await run.AssertEveryUploadScoredOnceAsync(TimeSpan.FromSeconds(90));
    }
}
