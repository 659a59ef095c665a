namespace DataChallenge.Core.Persistence;

/// <summary>PostgreSQL when <see cref="Postgres"/> is set; otherwise a SQLite file in the data folder.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Npgsql connection string.</summary>
    public string? Postgres { get; set; }

    /// <summary>Overrides the SQLite connection string (tests use it).</summary>
    public string? Sqlite { get; set; }
}
