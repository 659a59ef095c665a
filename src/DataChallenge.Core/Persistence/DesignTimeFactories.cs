using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DataChallenge.Core.Persistence;

/// <summary>Lets `dotnet ef migrations add` build each provider's model without starting the server.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDataChallengeDbContext>
{
    public SqliteDataChallengeDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteDataChallengeDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDataChallengeDbContext>
{
    public PostgresDataChallengeDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgresDataChallengeDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
