using DataChallenge.Core.Persistence;
using DataChallenge.Hosting.ObjectStorage;

namespace DataChallenge.Server;

/// <summary>What must be true before the roles start: an up-to-date schema and existing buckets.</summary>
internal static class Startup
{
    public static async Task PrepareAsync(this WebApplication app, ServerRoles roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (roles.UsesDatabase)
            await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().MigrateAsync(CancellationToken.None);
        if (roles.Api)
            await scope.ServiceProvider.GetRequiredService<IObjectStore>().EnsureBucketsAsync(CancellationToken.None);
    }
}
