using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Core.Persistence;

public static class DatabaseRegistration
{
    public static IServiceCollection AddDataChallengeDatabase(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!string.IsNullOrWhiteSpace(options.Postgres))
        {
            services.AddDbContext<PostgresDataChallengeDbContext>(db => db.UseNpgsql(options.Postgres));
            services.AddScoped<DataChallengeDbContext>(sp => sp.GetRequiredService<PostgresDataChallengeDbContext>());
        }
        else
        {
            var connectionString = options.Sqlite ?? $"Data Source={Path.Combine(dataFolder, "datachallenge.db")};Default Timeout=30";
            services.AddDbContext<SqliteDataChallengeDbContext>(db => db.UseSqlite(connectionString));
            services.AddScoped<DataChallengeDbContext>(sp => sp.GetRequiredService<SqliteDataChallengeDbContext>());
        }
        return services;
    }

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
