using DataChallenge.Contracts;
using DataChallenge.Hosting;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Worker.Consumers;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Worker.Tests.CodeRuns;

/// <summary>The worker role alone on the in-memory bus test harness, with a folder store and the bubblewrap sandbox.</summary>
public sealed class CodeRunHarness : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "datachallenge-coderun-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    /// <param name="sandboxKind">The worker's Sandbox:Kind.</param>
    public CodeRunHarness(string sandboxKind = "bubblewrap")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:Kind"] = sandboxKind,
            ["Sandbox:WorkRoot"] = Path.Combine(_folder, "sandbox"),
            ["Scoring:LeaseRenewEvery"] = "00:00:00.200",
        }).Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSingleton(TimeProvider.System)
            .AddSingleton(new HostPaths(_folder)).AddObjectStore(configuration).AddWorkerRole(configuration);
        services.AddMassTransitTestHarness(bus =>
        {
            // Renewals keep the harness busy while a program runs; only a silent bus counts as done.
            bus.SetTestTimeouts(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5));
            bus.AddConsumer<RunCodeSubmissionConsumer, RunCodeSubmissionConsumerDefinition>();
        });
        _services = services.BuildServiceProvider();
        Harness = _services.GetRequiredService<ITestHarness>();
        Store = _services.GetRequiredKeyedService<IObjectStore>(ObjectStoreRoles.Worker);
        Buckets = _services.Buckets();
    }

    public ITestHarness Harness { get; }
    public IObjectStore Store { get; }
    public BucketNames Buckets { get; }

    /// <summary>Sends the command to the run-code queue <paramref name="times"/> times (a redelivery) and waits until the consumer is done.</summary>
    public async Task RunAsync(RunCodeSubmission message, int times = 1)
    {
        await Harness.Start();
        var queue = await Harness.Bus.GetSendEndpoint(new Uri("queue:run-code"));
        for (var i = 0; i < times; i++) await queue.Send(message, TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (Harness.Consumed.Select<RunCodeSubmission>(TestContext.Current.CancellationToken).Count() < times && DateTime.UtcNow < deadline)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        var consumed = Harness.Consumed.Select<RunCodeSubmission>(TestContext.Current.CancellationToken).ToList();
        Assert.Equal(times, consumed.Count);
        Assert.All(consumed, c => Assert.Null(c.Exception));
        // Everything the consumer publishes is out once it returns: no need to wait for the bus to fall silent.
        Harness.ForceInactive();
    }

    public List<T> Published<T>() where T : class
        => Harness.Published.Select<T>(TestContext.Current.CancellationToken).Select(m => m.Context.Message).ToList();

    public List<T> Sent<T>() where T : class
        => Harness.Sent.Select<T>(TestContext.Current.CancellationToken).Select(m => m.Context.Message).ToList();

    public async Task PutAsync(string bucket, string key, byte[] content)
    {
        using var stream = new MemoryStream(content);
        await Store.PutAsync(bucket, key, stream, content.Length, "application/octet-stream", TestContext.Current.CancellationToken);
    }

    public async Task<string?> ReadAsync(string bucket, string key)
    {
        if (!await Store.ExistsAsync(bucket, key, TestContext.Current.CancellationToken)) return null;
        await using var stream = await Store.OpenReadAsync(bucket, key, TestContext.Current.CancellationToken);
        return await new StreamReader(stream).ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
