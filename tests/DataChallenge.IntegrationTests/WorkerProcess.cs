using System.Collections.Concurrent;
using System.Diagnostics;

namespace DataChallenge.IntegrationTests;

/// <summary>A separate server process running only the worker role, as in the compose stack; its log lines are kept.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;

    public ConcurrentQueue<string> Lines { get; } = new();

    private WorkerProcess(Process process) => _process = process;

    public static WorkerProcess Start(IReadOnlyDictionary<string, string?> settings, int concurrency)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ServerAssembly());
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.ArgumentList.Add("--Roles=worker");
        info.ArgumentList.Add($"--Bus:ConcurrencyLimit={concurrency}");
        info.ArgumentList.Add($"--Bus:PrefetchCount={concurrency}");
        info.ArgumentList.Add($"--DataFolder={Path.Combine(Path.GetTempPath(), "datachallenge-tests", Guid.NewGuid().ToString("N"))}");
        // The worker gets the bus and the object store, never the database.
        foreach (var (key, value) in settings.Where(s => !s.Key.StartsWith("Database", StringComparison.Ordinal)))
            info.ArgumentList.Add($"--{key}={value}");
        var worker = new WorkerProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start a worker process."));
        worker._process.OutputDataReceived += (_, e) => { if (e.Data is not null) worker.Lines.Enqueue(e.Data); };
        worker._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) worker.Lines.Enqueue(e.Data); };
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>The worker's name in a code run's provenance (<c>machine:pid</c>).</summary>
    public string Name => $"{Environment.MachineName}:{_process.Id}";

    /// <summary>Kills the server process alone, as an out-of-memory kill does: whatever it started must end by itself.</summary>
    public async Task KillAloneAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public bool Mentions(string text) => Lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Mentions(text))
        {
            if (_process.HasExited) throw new InvalidOperationException("The worker exited:\n" + string.Join("\n", Lines));
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The worker never logged '{text}':\n" + string.Join("\n", Lines));
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    // The server's build output sits beside this test's, under the same configuration.
    private static string ServerAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataChallenge.sln"))) directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("The repository root (DataChallenge.sln) was not found.");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        return Path.Combine(directory.FullName, "src", "DataChallenge.Server", "bin", configuration, "net10.0", "DataChallenge.Server.dll");
    }
}
