using DataChallenge.Testing;
using Npgsql;

namespace DataChallenge.IntegrationTests;

/// <summary>Settings that point a server at the real PostgreSQL, RabbitMQ and S3 server, each test on its own database and buckets.</summary>
public static class RealServices
{
    public static Dictionary<string, string?> Settings(string runId)
        => Settings(runId, variable => variable switch
        {
            "DATACHALLENGE_TEST_POSTGRES" => Services.Postgres,
            "DATACHALLENGE_TEST_RABBITMQ" => Services.RabbitMq,
            "DATACHALLENGE_TEST_S3_ENDPOINT" => Services.S3Endpoint,
            "DATACHALLENGE_TEST_S3_ACCESS_KEY" => Services.S3AccessKey,
            "DATACHALLENGE_TEST_S3_SECRET_KEY" => Services.S3SecretKey,
            "DATACHALLENGE_TEST_S3_API_ACCESS_KEY" => Services.S3ApiAccessKey,
            "DATACHALLENGE_TEST_S3_API_SECRET_KEY" => Services.S3ApiSecretKey,
            "DATACHALLENGE_TEST_S3_WORKER_ACCESS_KEY" => Services.S3WorkerAccessKey,
            "DATACHALLENGE_TEST_S3_WORKER_SECRET_KEY" => Services.S3WorkerSecretKey,
            _ => Services.S3Region,
        });

    /// <summary>The same settings from another set of services, named by the variables start.sh writes to env.sh.</summary>
    public static Dictionary<string, string?> Settings(string runId, Func<string, string> variable)
    {
        var database = new NpgsqlConnectionStringBuilder(variable("DATACHALLENGE_TEST_POSTGRES")) { Database = $"dc_test_{runId}" };
        return new Dictionary<string, string?>
        {
            ["Database:Postgres"] = database.ConnectionString,
            ["Bus:RabbitMqUrl"] = variable("DATACHALLENGE_TEST_RABBITMQ"),
            ["ObjectStore:S3:Endpoint"] = variable("DATACHALLENGE_TEST_S3_ENDPOINT"),
            ["ObjectStore:S3:AccessKey"] = variable("DATACHALLENGE_TEST_S3_ACCESS_KEY"),
            ["ObjectStore:S3:SecretKey"] = variable("DATACHALLENGE_TEST_S3_SECRET_KEY"),
            ["ObjectStore:S3:Region"] = variable("DATACHALLENGE_TEST_S3_REGION"),
            ["ObjectStore:Buckets:Submissions"] = $"submissions-{runId}",
            ["ObjectStore:Buckets:HiddenLabels"] = $"hidden-labels-{runId}",
            ["ObjectStore:Buckets:PublicData"] = $"public-data-{runId}",
            // Each role with its own user and compose's rights (ObjectStoreRights); the buckets are made beforehand.
            ["ObjectStore:S3:CreateBuckets"] = "false",
            ["ObjectStore:S3:Roles:Api:AccessKey"] = variable("DATACHALLENGE_TEST_S3_API_ACCESS_KEY"),
            ["ObjectStore:S3:Roles:Api:SecretKey"] = variable("DATACHALLENGE_TEST_S3_API_SECRET_KEY"),
            ["ObjectStore:S3:Roles:Worker:AccessKey"] = variable("DATACHALLENGE_TEST_S3_WORKER_ACCESS_KEY"),
            ["ObjectStore:S3:Roles:Worker:SecretKey"] = variable("DATACHALLENGE_TEST_S3_WORKER_SECRET_KEY"),
        };
    }

    public static string NewRunId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Drops the test's database when the run had a real PostgreSQL (a skipped run created none).</summary>
    public static Task DropDatabaseIfUsedAsync(string runId)
        => Environment.GetEnvironmentVariable("DATACHALLENGE_TEST_POSTGRES") is null ? Task.CompletedTask : DropDatabaseAsync(runId);

    /// <summary>
    /// Drops the test's database; the server's pools are closed first so nothing holds it open. An autovacuum worker
    /// that just started on the fresh database belongs to the superuser and cannot be terminated by the test role, so
    /// the drop waits for it and tries again.
    /// </summary>
    public static Task DropDatabaseAsync(string runId) => DropDatabaseAsync(runId, Services.Postgres);

    public static async Task DropDatabaseAsync(string runId, string postgres)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS dc_test_{runId} WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }
}
