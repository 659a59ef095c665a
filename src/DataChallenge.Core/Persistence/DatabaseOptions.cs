namespace DataChallenge.Core.Persistence;

/// <summary>PostgreSQL when <see cref="Postgres"/> is set; otherwise a SQLite file in the data folder.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Seconds to open a PostgreSQL connection unless the connection string sets its own Timeout.</summary>
    public const int DefaultConnectTimeoutSeconds = 2;

    /// <summary>
    /// PostgreSQL connections one process may hold unless the connection string sets its own Maximum Pool Size: a few
    /// per core keep the database busy; more only queue inside it. Four replicas at this size stay within PostgreSQL's
    /// default 100.
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>Npgsql connection string.</summary>
    public string? Postgres { get; set; }

    /// <summary>Overrides the SQLite connection string (tests use it).</summary>
    public string? Sqlite { get; set; }
}
