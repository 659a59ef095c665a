using System.Diagnostics;
using DataChallenge.Hosting.Messaging;

namespace DataChallenge.IntegrationTests.Faults;

/// <summary>A worker whose receive endpoint never consumes ends itself, and its supervisor's restart consumes again.</summary>
public sealed class StuckEndpointTests
{
    [Fact]
    public async Task Worker_ExitsToBeRestartedAndConsumesAgain_WhenItsScoreEndpointNeverGetsAConsumer()
    {
        var runId = RealServices.NewRunId();
        await using var broker = await RabbitMqVirtualHost.CreateAsync(runId);
        // The queue already exists with other arguments: every declare of the endpoint is refused, so it faults forever.
        await broker.DeclareQueueAsync(QueueNames.ScoreSubmission, new Dictionary<string, object> { ["x-max-length"] = 1 });
        var settings = RealServices.Settings(runId);
        settings["Bus:RabbitMqUrl"] = broker.Url;
        settings["Bus:RestartAfter"] = "00:00:10";
        var stopwatch = Stopwatch.StartNew();
        await using var worker = WorkerProcess.Start(settings, concurrency: 1, restartWhenAsked: true);

        await worker.WaitForRestartAsync(TimeSpan.FromSeconds(60));
        var exitedAfter = stopwatch.Elapsed;
        Assert.True(worker.Lines.Any(l => l.Contains("No consumer on", StringComparison.Ordinal) && l.Contains(QueueNames.ScoreSubmission + " for", StringComparison.Ordinal)),
            "The worker did not name its stuck endpoint:\n" + string.Join("\n", worker.Lines));
        await broker.DeleteQueueAsync(QueueNames.ScoreSubmission);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await broker.ConsumersAsync(QueueNames.ScoreSubmission) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The restarted worker never consumed score-submission:\n" + string.Join("\n", worker.Lines));
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"exited to be restarted after {exitedAfter.TotalSeconds:F1} s; consuming again after {stopwatch.Elapsed.TotalSeconds:F1} s");
    }
}
