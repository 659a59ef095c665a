using DataChallenge.Testing;

namespace DataChallenge.IntegrationTests;

/// <summary>
/// The api and leaderboard roles in this process and worker roles in separate processes, as in the compose stack, on
/// the real services with a database and buckets of their own.
/// </summary>
public sealed class WorkerFleet : IAsyncDisposable
{
    private readonly List<WorkerProcess> _workers = [];

    public string RunId { get; } = RealServices.NewRunId();

    public ServerFactory Server { get; } = new();

    public static async Task<WorkerFleet> StartAsync()
    {
        var fleet = new WorkerFleet();
        foreach (var (key, value) in RealServices.Settings(fleet.RunId)) fleet.Server.Settings[key] = value;
        fleet.Server.Settings["Roles"] = "api,leaderboard";
        await ObjectStoreRights.ProvisionAsync(fleet.RunId);
        return fleet;
    }

    /// <summary>Starts a worker process on the fleet's services, with any further settings, and waits until it runs.</summary>
    public async Task<WorkerProcess> StartWorkerAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = RealServices.Settings(RunId);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var worker = WorkerProcess.Start(settings, concurrency: 1);
        _workers.Add(worker);
        await worker.WaitForAsync("running with roles: worker", TimeSpan.FromSeconds(60));
        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers) await worker.DisposeAsync();
        await Server.DisposeAsync();
        await RealServices.DropDatabaseIfUsedAsync(RunId);
    }
}
