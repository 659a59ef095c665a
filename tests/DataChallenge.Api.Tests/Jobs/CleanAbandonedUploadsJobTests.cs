using DataChallenge.Api.Jobs;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataChallenge.Api.Tests.Jobs;

/// <summary>A prediction file stored without its row (a crash between the two) is deleted once old; nothing else is.</summary>
public sealed class CleanAbandonedUploadsJobTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ServerFactory _server;
    private ApiSession _competitor = null!;
    private Guid _phaseId;

    public CleanAbandonedUploadsJobTests()
    {
        _server = new ServerFactory { ConfigureServices = services => services.AddSingleton<TimeProvider>(_clock) };
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
    public async Task RunAsync_DeletesOnlyOldFilesWithoutARow_WhenAnUploadWasAbandoned()
    {
        var kept = await _competitor.SubmitAsync(_phaseId, SampleFiles.Predictions());
        var orphan = Submission.PredictionsKey(_phaseId, Guid.NewGuid());
        await using (var content = new MemoryStream("id,label\n"u8.ToArray()))
            await Store.PutAsync(Bucket, orphan, content, content.Length, "text/csv", CancellationToken.None);

        // Young: it may be an upload whose row is being written right now.
        Assert.Equal(0, await RunJobAsync());
        Assert.True(await Store.ExistsAsync(Bucket, orphan, CancellationToken.None));

        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await RunJobAsync());
        Assert.Equal(0, await RunJobAsync());

        Assert.False(await Store.ExistsAsync(Bucket, orphan, CancellationToken.None));
        Assert.True(await Store.ExistsAsync(Bucket, Submission.PredictionsKey(_phaseId, kept), CancellationToken.None));
    }

    private IObjectStore Store => _server.Services.GetRequiredService<IObjectStore>();

    private string Bucket => _server.Services.GetRequiredService<IOptions<ObjectStoreOptions>>().Value.Buckets.Submissions;

    private async Task<int> RunJobAsync()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CleanAbandonedUploadsJob>().RunAsync(CancellationToken.None);
    }
}
