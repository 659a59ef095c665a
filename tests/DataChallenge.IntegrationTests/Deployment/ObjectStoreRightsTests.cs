using System.Text;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.IntegrationTests.Deployment;

/// <summary>
/// Each role's object store, as the server registers it, against buckets with compose's rights: every right a role
/// needs works, and the rights it must not have are refused by the S3 server.
/// </summary>
public sealed class ObjectStoreRightsTests : IAsyncLifetime
{
    private const string LabelsKey = "phases/p/labels/v1.csv";
    private const string PredictionsKey = "phases/p/submissions/s.csv";
    private const string PublicKey = "challenges/c/files/data.csv";
    private const string ResultsKey = "phases/p/program/results/s/a1/public/log.txt";
    private readonly string _runId = RealServices.NewRunId();
    private ServiceProvider _services = null!;
    private BucketNames _buckets = null!;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(RealServices.Settings(_runId)).Build();
        _services = new ServiceCollection().AddObjectStore(configuration).BuildServiceProvider();
        _buckets = _services.Buckets();
        await ObjectStoreRights.ProvisionAsync(_runId);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private IObjectStore Api => _services.GetRequiredKeyedService<IObjectStore>(ObjectStoreRoles.Api);

    private IObjectStore Worker => _services.GetRequiredKeyedService<IObjectStore>(ObjectStoreRoles.Worker);

    [Fact]
    public async Task ApiStore_ReadsWritesListsAndDeletes_SubmissionsAndPublicData()
    {
        foreach (var (bucket, key) in new[] { (_buckets.Submissions, PredictionsKey), (_buckets.PublicData, PublicKey) })
        {
            await PutAsync(Api, bucket, key);
            Assert.Equal("id,label", await ReadAsync(Api, bucket, key));
            Assert.Equal(key, Assert.Single(await ListAsync(Api, bucket)).Key);
            await Api.DeleteAsync(bucket, key, CancellationToken.None);
            Assert.False(await Api.ExistsAsync(bucket, key, CancellationToken.None));
        }
    }

    [Fact]
    public async Task ApiStore_CannotReadHiddenLabels_WhenItUploadedThem()
    {
        await PutAsync(Api, _buckets.HiddenLabels, LabelsKey);

        await AssertRefusedAsync(() => ReadAsync(Api, _buckets.HiddenLabels, LabelsKey));
        await AssertRefusedAsync(() => Api.ExistsAsync(_buckets.HiddenLabels, LabelsKey, CancellationToken.None));
        await AssertRefusedAsync(() => ListAsync(Api, _buckets.HiddenLabels));
    }

    [Fact]
    public async Task WorkerStore_ReadsSubmissionsAndHiddenLabels_AndWritesProgramResults()
    {
        await PutAsync(Api, _buckets.Submissions, PredictionsKey);
        await PutAsync(Api, _buckets.HiddenLabels, LabelsKey);

        Assert.Equal("id,label", await ReadAsync(Worker, _buckets.Submissions, PredictionsKey));
        Assert.Equal("id,label", await ReadAsync(Worker, _buckets.HiddenLabels, LabelsKey));
        Assert.True(await Worker.ExistsAsync(_buckets.HiddenLabels, LabelsKey, CancellationToken.None));
        await PutAsync(Worker, _buckets.HiddenLabels, ResultsKey);
        Assert.Equal("id,label", await ReadAsync(Worker, _buckets.HiddenLabels, ResultsKey));
    }

    // Swift grants whole containers: which keys of submissions and public-data the worker may touch is compose's policy,
    // checked in WorkerPolicyTests.
    [Fact]
    public async Task WorkerStore_CannotWritePublicData()
    {
        await PutAsync(Api, _buckets.PublicData, PublicKey);

        await AssertRefusedAsync(() => PutAsync(Worker, _buckets.PublicData, PublicKey));
        await AssertRefusedAsync(() => Worker.DeleteAsync(_buckets.PublicData, PublicKey, CancellationToken.None));
        Assert.Equal("id,label", await ReadAsync(Api, _buckets.PublicData, PublicKey));
    }

    // A refusal, not an absence: the object exists, so only a missing right explains the error.
    private static async Task AssertRefusedAsync(Func<Task> attempt)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(attempt);
        Assert.IsNotType<ObjectNotFoundException>(error);
        Assert.Matches("(?i)access ?denied|403", error.GetType().Name + " " + error.Message);
    }

    private static Task PutAsync(IObjectStore store, string bucket, string key)
    {
        var content = Encoding.UTF8.GetBytes("id,label");
        return store.PutAsync(bucket, key, new MemoryStream(content), content.Length, "text/csv", CancellationToken.None);
    }

    private static async Task<string> ReadAsync(IObjectStore store, string bucket, string key)
    {
        await using var stream = await store.OpenReadAsync(bucket, key, CancellationToken.None);
        return await new StreamReader(stream).ReadToEndAsync();
    }

    private static async Task<List<StoredObject>> ListAsync(IObjectStore store, string bucket)
    {
        var listed = new List<StoredObject>();
        await foreach (var item in store.ListAsync(bucket, "", CancellationToken.None)) listed.Add(item);
        return listed;
    }
}
