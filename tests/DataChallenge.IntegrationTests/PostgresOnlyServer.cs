using DataChallenge.Testing;

namespace DataChallenge.IntegrationTests;

/// <summary>
/// A server on embedded defaults whose database alone is the real PostgreSQL, on a database of its own that is
/// dropped with it: races that need real concurrent writers.
/// </summary>
public sealed class PostgresOnlyServer : ServerFactory
{
    private readonly string _runId = RealServices.NewRunId();

    public PostgresOnlyServer() => Settings["Database:Postgres"] = RealServices.Settings(_runId)["Database:Postgres"];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await RealServices.DropDatabaseIfUsedAsync(_runId);
    }
}
