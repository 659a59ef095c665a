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

    public CodeRunHarness()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:Kind"] = "bubblewrap",
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

    /// <summary>Sends the command to the run-code queue and waits until the consumer is done with it.</summary>
    public async Task RunAsync(RunCodeSubmission message)
    {
        await Harness.Start();
        await (await Harness.Bus.GetSendEndpoint(new Uri("queue:run-code"))).Send(message, TestContext.Current.CancellationToken);
        Assert.True(await Harness.Consumed.Any<RunCodeSubmission>(TestContext.Current.CancellationToken), "the run-code queue consumed nothing");
        var consumed = Assert.Single(Harness.Consumed.Select<RunCodeSubmission>(TestContext.Current.CancellationToken));
        Assert.Null(consumed.Exception);
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
