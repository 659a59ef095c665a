using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api;

/// <summary>
/// The keys that sign session cookies, bearer tokens and anti-forgery tokens. Api replicas on PostgreSQL keep them in
/// the database, so whatever one replica issued, any other accepts; the embedded single process keeps them in its data
/// folder.
/// </summary>
public static class SharedDataProtection
{
    // Named, not derived from the install path, so replicas installed in different folders read each other's payloads.
    public const string ApplicationName = "DataChallenge";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var keys = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (!string.IsNullOrWhiteSpace(configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Postgres))
            keys.PersistKeysToDbContext<DataChallengeDbContext>();
        else
            keys.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
        return services;
    }
}
