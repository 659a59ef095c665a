using System.Collections.Concurrent;
using System.Diagnostics;
using DataChallenge.Hosting.Messaging;

namespace DataChallenge.IntegrationTests;

/// <summary>
/// A separate server process running only the worker role, as in the compose stack; its log lines are kept. Like
/// compose's restart policy, it can start the worker again when the worker ends itself to be restarted.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo _start;
    private readonly bool _restartWhenAsked;
    private volatile Process _process = null!;
    private volatile bool _disposing;

    private int _restarts;

    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>How many times the worker ended itself with the restart code and was started again.</summary>
    public int Restarts => _restarts;

    private WorkerProcess(ProcessStartInfo start, bool restartWhenAsked) => (_start, _restartWhenAsked) = (start, restartWhenAsked);

    /// <param name="restartWhenAsked">Start the worker again when it exits with <see cref="ConsumingEndpointsWatchdog.RestartExitCode"/>, as its supervisor would.</param>
    public static WorkerProcess Start(IReadOnlyDictionary<string, string?> settings, int concurrency, bool restartWhenAsked = false)
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
        var worker = new WorkerProcess(info, restartWhenAsked);
        worker.Launch();
        return worker;
    }

    private void Launch()
    {
        var process = Process.Start(_start) ?? throw new InvalidOperationException("Could not start a worker process.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Lines.Enqueue(e.Data); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => RestartIfAsked(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    private void RestartIfAsked(Process exited)
    {
        if (!WillRestart(exited) || _disposing) return;
        Lines.Enqueue($"[supervisor] the worker exited with code {exited.ExitCode}; starting it again");
        Interlocked.Increment(ref _restarts);
        Launch();
    }

    private bool WillRestart(Process exited) => _restartWhenAsked && exited.ExitCode == ConsumingEndpointsWatchdog.RestartExitCode;

    /// <summary>Gone for good: exited, and not about to be started again.</summary>
    private bool Ended => _process is { HasExited: true } process && !WillRestart(process);

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
            if (Ended) throw new InvalidOperationException("The worker exited:\n" + string.Join("\n", Lines));
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The worker never logged '{text}':\n" + string.Join("\n", Lines));
            await Task.Delay(100);
        }
    }

    public async Task WaitForRestartAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Restarts == 0)
        {
            if (Ended) throw new InvalidOperationException("The worker exited for good:\n" + string.Join("\n", Lines));
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The worker did not end itself to be restarted within {timeout.TotalSeconds} s:\n" + string.Join("\n", Lines));
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
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
