using System.Diagnostics;

namespace DataChallenge.IntegrationTests.Deployment;

/// Checks compose/docker-compose.yml with the docker-compose tool itself (no container engine needed):
/// the file must validate, and each role must get only the credentials it is meant to have.
public sealed class ComposeFileTests
{
    private const string ComposeFile = "compose/docker-compose.yml";

    // docker-compose takes seconds per call, so the rendered file is read once for the whole class.
    private static readonly Lazy<Task<Dictionary<string, Dictionary<string, string>>>> Rendered = new(RenderServicesAsync);

    [Fact]
    public async Task Config_ExitsWithZero_WhenValidatingTheComposeFile()
    {
        var (exitCode, _, error) = await RunComposeAsync("config", "-q");

        Assert.True(exitCode == 0, $"docker-compose config -q exited with {exitCode}:\n{error}");
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public async Task Config_Refuses_WhenASecretIsNotSet(string secret)
    {
        var (exitCode, _, error) = await RunComposeAsync(TestSecrets.Where(s => s.Key != secret), "config", "-q");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(secret, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_CarriesNoDevelopmentPassword_WhenRendered()
    {
        var (_, output, _) = await RunComposeAsync("config");

        Assert.DoesNotContain("-dev", output, StringComparison.Ordinal);
    }

    public static TheoryData<string> Secrets() => new(TestSecrets.Keys);

    // Compose refuses to start without these; the checks pass made-up values, as compose/.env would.
    private static readonly Dictionary<string, string> TestSecrets = new()
    {
        ["POSTGRES_PASSWORD"] = "test-postgres-secret",
        ["RABBITMQ_PASSWORD"] = "test-rabbitmq-secret",
        ["MINIO_ROOT_PASSWORD"] = "test-minio-root-secret",
        ["API_S3_SECRET_KEY"] = "test-api-s3-secret",
        ["WORKER_S3_SECRET_KEY"] = "test-worker-s3-secret",
    };

    [Fact]
    public async Task Worker_HasNoDatabaseConnection_WhenConfigIsRendered()
    {
        var services = await Rendered.Value;

        var worker = Assert.Contains("worker", services);
        Assert.Equal("worker", worker["environment.Roles"]);
        Assert.DoesNotContain(worker.Keys, key => key.StartsWith("environment.Database__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiAndWorker_UseDifferentS3AccessKeys_WhenConfigIsRendered()
    {
        var services = await Rendered.Value;

        var apiKey = Assert.Contains("environment.ObjectStore__S3__AccessKey", services["api"]);
        var workerKey = Assert.Contains("environment.ObjectStore__S3__AccessKey", services["worker"]);
        Assert.NotEqual(apiKey, workerKey);
        Assert.NotEqual(services["api"]["environment.ObjectStore__S3__SecretKey"], services["worker"]["environment.ObjectStore__S3__SecretKey"]);
    }

    [Fact]
    public async Task Leaderboard_HasDatabaseAndBusButNoObjectStore_WhenConfigIsRendered()
    {
        var services = await Rendered.Value;

        var leaderboard = Assert.Contains("leaderboard", services);
        Assert.Contains("environment.Database__Postgres", leaderboard.Keys);
        Assert.Contains("environment.Bus__RabbitMqUrl", leaderboard.Keys);
        Assert.DoesNotContain(leaderboard.Keys, key => key.StartsWith("environment.ObjectStore__S3__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Worker_RunsTwoReplicas_WhenConfigIsRendered()
    {
        var services = await Rendered.Value;

        Assert.Equal("2", services["worker"]["deploy.replicas"]);
    }

    [Fact]
    public async Task ApiAndLeaderboard_RunTwoReplicasBehindTheProxyOnly_WhenConfigIsRendered()
    {
        var services = await Rendered.Value;
        var (_, output, _) = await RunComposeAsync("config");

        foreach (var role in new[] { "api", "leaderboard" })
        {
            Assert.Equal("2", services[role]["deploy.replicas"]);
            // Replicas publish no port of their own: the proxy is the one way in, so no client pins a replica.
            Assert.DoesNotContain("\n    ports:", ServiceBlock(output, role), StringComparison.Ordinal);
        }
        Assert.Contains("\n    ports:", ServiceBlock(output, "proxy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseUsers_StayWithinPostgresConnections_WhenEveryReplicaFillsItsPool()
    {
        // postgres:16 accepts 100 connections and keeps 3 for superusers; a viewers' rush fills a replica's whole pool.
        const int Available = 97;
        var services = await Rendered.Value;

        var users = services.Where(s => s.Value.ContainsKey("environment.Database__Postgres"))
            .Select(s => (Name: s.Key, Replicas: int.Parse(s.Value.GetValueOrDefault("deploy.replicas", "1"), System.Globalization.CultureInfo.InvariantCulture),
                Pool: new Npgsql.NpgsqlConnectionStringBuilder(s.Value["environment.Database__Postgres"]).MaxPoolSize)).ToList();

        Assert.Contains(users, user => user.Name == "leaderboard");
        Assert.True(users.Sum(user => user.Replicas * user.Pool) <= Available,
            string.Join(", ", users.Select(user => $"{user.Name}: {user.Replicas} x {user.Pool}")) + $" connections, over PostgreSQL's {Available}.");
    }

    // A service's lines in the rendered file, from its name to the next service's.
    private static string ServiceBlock(string rendered, string service)
        => System.Text.RegularExpressions.Regex.Match(rendered, $@"\n  {service}:\n(.*?)(?=\n  [a-z][a-z-]*:\n|\n[a-z]|\z)",
            System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value is { Length: > 0 } block
            ? "\n" + block
            : throw new InvalidOperationException($"The rendered compose file has no service {service}.");

    [Fact]
    public void Proxy_SendsBoardsToTheLeaderboardUnbuffered_AndEverythingElseToTheApi()
    {
        // Directives only: the comments may well explain why there is no stickiness.
        var config = string.Join('\n', File.ReadAllLines(Path.Combine(FindRepositoryRoot(), "compose", "proxy", "nginx.conf"))
            .Where(line => !line.TrimStart().StartsWith('#')));

        Assert.Matches(@"location ~ \^/api/phases/\[\^/\]\+/leaderboard \{[^}]*proxy_pass http://leaderboard;[^}]*proxy_buffering off;", config);
        Assert.Matches(@"location / \{\s*proxy_pass http://api;", config);
        Assert.DoesNotContain("ip_hash", config, StringComparison.Ordinal);
        Assert.DoesNotContain("sticky", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_DoesNotHoldTheHostsDockerSocket_WhenConfigIsRendered()
    {
        var (exitCode, output, error) = await RunComposeAsync("config");
        Assert.True(exitCode == 0, $"docker-compose config exited with {exitCode}:\n{error}");

        // Whoever reaches the host's rootful engine is root on the host: scoring containers go to a rootless engine.
        Assert.DoesNotContain("- /var/run/docker.sock:", output);
        Assert.DoesNotContain("- /run/docker.sock:", output);
        Assert.Contains(":/var/run/docker.sock", output);
    }

    // Reads `docker-compose config` output into service -> "section.key" -> value, e.g.
    // services["worker"]["environment.Roles"]; the tool prints canonical two-space YAML.
    private static async Task<Dictionary<string, Dictionary<string, string>>> RenderServicesAsync()
    {
        var (exitCode, output, error) = await RunComposeAsync("config");
        Assert.True(exitCode == 0, $"docker-compose config exited with {exitCode}:\n{error}");

        var services = new Dictionary<string, Dictionary<string, string>>();
        string? topLevel = null, service = null, section = null;
        foreach (var line in output.Split('\n'))
        {
            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart(' ').Length;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var key = colon < 0 ? text : text[..colon];
            switch (indent)
            {
                case 0:
                    topLevel = key;
                    break;
                case 2 when topLevel == "services":
                    service = key;
                    services[service] = [];
                    break;
                case 4 when service is not null:
                    section = key;
                    break;
                case 6 when service is not null && colon > 0:
                    services[service][$"{section}.{key}"] = text[(colon + 1)..].Trim().Trim('\'', '"');
                    break;
            }
        }

        Assert.NotEmpty(services);
        return services;
    }

    private static Task<(int ExitCode, string Output, string Error)> RunComposeAsync(params string[] arguments)
        => RunComposeAsync(TestSecrets, arguments);

    private static async Task<(int ExitCode, string Output, string Error)> RunComposeAsync(IEnumerable<KeyValuePair<string, string>> secrets, params string[] arguments)
    {
        var tool = FindOnPath("docker-compose");
        if (tool is null)
        {
            const string Reason = "docker-compose is not installed, so the compose file was NOT checked. "
                + "Install it with `apt-get install --no-install-recommends docker-compose` or run `bash tests/run.sh`.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"CI=true requires the compose checks: {Reason}");
            }

            Assert.Skip(Reason);
        }

        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = FindRepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in TestSecrets.Keys) start.Environment.Remove(name);
        foreach (var (name, value) in secrets) start.Environment[name] = value;
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(ComposeFile);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    internal static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DataChallenge.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"DataChallenge.sln not found above {AppContext.BaseDirectory}");
    }
}
