using DataChallenge.Core.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Core.Persistence;

public static class DatabaseRegistration
{
    /// <summary>Contexts kept for reuse; more in use at once are made and dropped as they would be without a pool.</summary>
    private const int PooledContexts = 128;

    public static IServiceCollection AddDataChallengeDatabase(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Contexts are pooled: building one, with its options and internal services, per request cost more allocations
        // than a board read itself.
        if (!string.IsNullOrWhiteSpace(options.Postgres))
        {
            services.AddDbContextPool<PostgresDataChallengeDbContext>(db => db.UseNpgsql(WithPlatformDefaults(options.Postgres)), PooledContexts);
            services.AddScoped<DataChallengeDbContext>(sp => sp.GetRequiredService<PostgresDataChallengeDbContext>());
        }
        else
        {
            var connectionString = options.Sqlite ?? $"Data Source={Path.Combine(dataFolder, "datachallenge.db")};Default Timeout=30";
            services.AddDbContextPool<SqliteDataChallengeDbContext>(db => db.UseSqlite(connectionString), PooledContexts);
            services.AddScoped<DataChallengeDbContext>(sp => sp.GetRequiredService<SqliteDataChallengeDbContext>());
        }
        // Every role that reads challenges sees them through one sight rule, which depends on the platform's approval setting.
        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));
        services.AddScoped<ChallengeLookup>();
        return services;
    }

    /// <summary>
    /// Npgsql's defaults suit neither an outage nor a crowd. It waits 15 s for a connection, where a database that is
    /// down must turn into a quick 503. And it opens up to 100 connections at once: fifty uploads arriving together at a
    /// fresh process on a busy machine then spend longer starting PostgreSQL backends than the short wait allows, and
    /// uploads the platform should have taken are answered 503. A smaller pool, reused, serves such a burst sooner. A
    /// connection string that names either setting keeps its own.
    /// </summary>
    public static string WithPlatformDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(connectionString, "Timeout")) builder.Timeout = DatabaseOptions.DefaultConnectTimeoutSeconds;
        if (!Names(connectionString, @"Max(imum)?\s*Pool\s*Size")) builder.MaxPoolSize = DatabaseOptions.DefaultMaxPoolSize;
        return builder.ConnectionString;
    }

    // The builder cannot tell a default from a value the operator chose, so the string itself is read.
    private static bool Names(string connectionString, string keyPattern)
        => System.Text.RegularExpressions.Regex.IsMatch(connectionString, $@"(^|;)\s*{keyPattern}\s*=",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>Applies pending migrations; on SQLite also switches to WAL so readers do not block the writer.</summary>
    public static async Task MigrateAsync(this DataChallengeDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null) Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
