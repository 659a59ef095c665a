using System.Diagnostics;
using DataChallenge.Testing;

namespace DataChallenge.IntegrationTests.Faults;

/// <summary>
/// A second set of RabbitMQ, PostgreSQL (fsync and synchronous commit on) and Swift's S3, on its own folder and ports,
/// started by <c>tests/services/start.sh</c>. Fault tests kill and restart its services by their recorded PIDs; the
/// shared set that every other test uses is never touched.
/// </summary>
public sealed class FaultServices : IAsyncLifetime
{
    // Clear of the shared set's ports (5432, 5672, 9000, …) and below the ephemeral range.
    private const int PortOffset = 1100;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "datachallenge-fault-services");

    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    /// <summary>Why the set could not be started locally; the tests skip with it (under CI=true they fail instead).</summary>
    public string? Unavailable { get; private set; }

    public int AmqpPort => 5672 + PortOffset;

    public async ValueTask InitializeAsync()
    {
        if (!System.Environment.IsPrivilegedProcess)
        {
            Unavailable = "the fault tests start their own PostgreSQL, RabbitMQ and S3 server, which needs root.";
            if (Services.InCi) throw new InvalidOperationException("CI=true requires the fault services: " + Unavailable);
            return;
        }
        await StartMissingAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Unavailable is null) await ScriptAsync("stop.sh", "--purge");
    }

    public void RequireAvailable()
    {
        if (Unavailable is not null) Assert.Skip("SKIPPED — " + Unavailable);
    }

    /// <summary>Starts every service of the set that is not running; the others are reused as they are.</summary>
    public async Task StartMissingAsync()
    {
        await ScriptAsync("start.sh");
        Environment = File.ReadAllLines(Path.Combine(Folder, "env.sh"))
            .Select(line => line.Replace("export ", "", StringComparison.Ordinal).Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('\''));
    }

    /// <summary>Kills a service the way a crash would: no clean shutdown, nothing flushed that was not already.</summary>
    public void Crash(FaultService service)
    {
        switch (service)
        {
            case FaultService.RabbitMq:
                Signal("run/rabbitmq-beam.pid", "KILL");
                Signal("run/rabbitmq.pid", "KILL");
                break;
            case FaultService.Postgres:
                // SIGQUIT is PostgreSQL's immediate shutdown: no checkpoint, crash recovery on the next start.
                Signal("postgres/data/postmaster.pid", "QUIT");
                break;
            case FaultService.S3:
                Signal("run/swift-proxy.pid", "KILL");
                break;
        }
    }

    /// <summary>Waits until the killed process is gone, so a restart does not find it still holding its port.</summary>
    private void Signal(string pidFile, string signal)
    {
        var path = Path.Combine(Folder, pidFile);
        if (!File.Exists(path)) return;
        var pid = int.Parse(File.ReadLines(path).First().Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var kill = Process.Start("kill", ["-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Directory.Exists($"/proc/{pid}") && IsRunning(pid) && DateTime.UtcNow < deadline) Thread.Sleep(100);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            // A zombie (state Z) has exited; its parent just has not reaped it yet.
            return File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] != "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private async Task ScriptAsync(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot(), "tests", "services", script));
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["DATACHALLENGE_SERVICES_DIR"] = Folder;
        info.Environment["DATACHALLENGE_SERVICES_PORT_OFFSET"] = PortOffset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["DATACHALLENGE_POSTGRES_DURABLE"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}):\n{await errors}\n{await output}");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataChallenge.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (DataChallenge.sln) was not found.");
    }
}

public enum FaultService { RabbitMq, Postgres, S3 }

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultServices>
{
    public const string Name = "fault services";
}
