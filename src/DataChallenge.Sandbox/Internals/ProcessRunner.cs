using System.Diagnostics;
using System.Text;

namespace DataChallenge.Sandbox.Internals;

/// <summary>
/// Starts one process with no stdin, keeps the head of stdout and stderr, and stops it at the wall-clock or output
/// limit. Stopping kills the process tree and then calls <c>stopOthers</c>, which reaches what the tree does not
/// (a cgroup's members, a container). The process starts with only the variables it is given: the worker's own
/// (bus password, storage keys) would otherwise be readable by anything that can read the process.
/// </summary>
internal static class ProcessRunner
{
    public const string SystemPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static async Task<ProgramRun> RunAsync(string fileName, IReadOnlyList<string> arguments, SandboxLimits limits,
        Func<Task>? stopOthers, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            // Not the worker's own folder, which a child could otherwise read from /proc/<pid>/cwd.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Clear();
        start.Environment["PATH"] = SystemPath;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var stopwatch = Stopwatch.StartNew();
        var (started, runEnded) = await StartOnOwnThreadAsync(start);
        using var process = started;
        try
        {
            return await WatchAsync(process, limits, stopOthers, stopwatch, cancellationToken);
        }
        finally
        {
            runEnded.TrySetResult();
        }
    }

    /// <summary>
    /// Starts the process from a thread of its own that lives until the run ends. bubblewrap's --die-with-parent
    /// (PR_SET_PDEATHSIG) follows the thread that started it, not the worker process: started from a pool thread, a
    /// long run was killed whenever the pool retired that thread.
    /// </summary>
    private static async Task<(Process Process, TaskCompletionSource RunEnded)> StartOnOwnThreadAsync(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var keeper = new Thread(() =>
        {
            try
            {
                started.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."));
            }
            catch (Exception e)
            {
                started.SetException(e);
                return;
            }
            runEnded.Task.Wait();
        }) { IsBackground = true, Name = "sandboxed run" };
        keeper.Start();
        return (await started.Task, runEnded);
    }

    private static async Task<ProgramRun> WatchAsync(Process process, SandboxLimits limits, Func<Task>? stopOthers, Stopwatch stopwatch,
        CancellationToken cancellationToken)
    {
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(limits.WallClock);
        using var tooMuchOutput = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, tooMuchOutput.Token, cancellationToken);
        var stdout = new CappedCapture(limits.CapturedOutputBytes, limits.MaxOutputBytes, tooMuchOutput);
        var stderr = new CappedCapture(limits.CapturedOutputBytes, limits.MaxOutputBytes, tooMuchOutput);
        var pumps = Task.WhenAll(stdout.PumpAsync(process.StandardOutput.BaseStream), stderr.PumpAsync(process.StandardError.BaseStream));

        var stopped = false;
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            stopped = true;
            await StopAsync(process, stopOthers);
        }

        // A grandchild that kept a pipe open is gone by now (killed with the tree or its cgroup); don't wait forever anyway.
        await Task.WhenAny(pumps, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        stopwatch.Stop();
        cancellationToken.ThrowIfCancellationRequested();

        var exit = !stopped ? ProgramExit.Exited
            : tooMuchOutput.IsCancellationRequested ? ProgramExit.OutputLimitExceeded
            : ProgramExit.TimedOut;
        return new ProgramRun
        {
            Exit = exit,
            ExitCode = process.HasExited ? process.ExitCode : null,
            Stdout = stdout.Text, Stderr = stderr.Text, StdoutBytes = stdout.Total, StderrBytes = stderr.Total,
            Elapsed = stopwatch.Elapsed,
        };
    }

    private static async Task StopAsync(Process process, Func<Task>? stopOthers)
    {
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } catch (System.ComponentModel.Win32Exception) { }
        if (stopOthers is not null) await stopOthers();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await process.WaitForExitAsync(grace.Token); } catch (OperationCanceledException) { }
    }

    /// <summary>Keeps the first bytes of a stream, counts the rest, and trips a token past the output limit.</summary>
    private sealed class CappedCapture(int keep, long limit, CancellationTokenSource tooMuch)
    {
        private readonly MemoryStream _head = new();

        public long Total { get; private set; }

        public string Text
        {
            get
            {
                var text = Encoding.UTF8.GetString(_head.GetBuffer(), 0, (int)_head.Length);
                return Total > _head.Length ? text + $"\n[… {Total - _head.Length} more bytes not kept]" : text;
            }
        }

        public async Task PumpAsync(Stream stream)
        {
            var buffer = new byte[65536];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    var room = keep - (int)_head.Length;
                    if (room > 0) _head.Write(buffer, 0, Math.Min(room, read));
                    Total += read;
                    if (Total > limit && !tooMuch.IsCancellationRequested) await tooMuch.CancelAsync();
                }
            }
            catch (IOException)
            {
                // The pipe broke because the process was killed; what was kept stays.
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
