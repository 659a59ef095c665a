using System.Globalization;
using DataChallenge.Sandbox.Internals;

namespace DataChallenge.Sandbox;

/// <summary>
/// Runs a program in a throw-away container through the docker CLI: no network, read-only root, every capability
/// dropped, no privilege gain, uid nobody, CPU / memory / pids / CPU-time / file-size limits, no engine log, and only
/// the program and the three job folders mounted. The wall-clock limit is enforced here with <c>docker kill</c>.
/// Whoever can reach the engine is root on its host: the engine must not be the worker host's own (see the README).
/// </summary>
public sealed class ContainerSandbox(SandboxOptions options) : ISandbox
{
    public string Name => "container";

    public async Task<ProgramRun> RunAsync(ProgramJob job, string command, string runtime, SandboxLimits limits, CancellationToken cancellationToken)
    {
        if (!options.Runtimes.TryGetValue(runtime, out var image))
        {
            return new ProgramRun
            {
                Exit = ProgramExit.NotStarted, Stdout = "",
                Stderr = $"The runtime '{runtime}' is not configured on this worker (known: {string.Join(", ", options.Runtimes.Keys)}).",
            };
        }

        job.OpenForReading();
        var name = "datachallenge-" + job.Id;
        return await ProcessRunner.RunAsync(options.DockerPath, DockerArguments(job, command, image, limits, name), limits,
            () => KillAsync(name), cancellationToken, ClientEnvironment());
    }

    /// <summary>The <c>docker run</c> argument list for a job.</summary>
    public IReadOnlyList<string> DockerArguments(ProgramJob job, string command, string image, SandboxLimits limits, string containerName)
    {
        var memory = limits.MemoryBytes.ToString(CultureInfo.InvariantCulture);
        return
        [
            "run", "--rm", "--name", containerName, "--pull", "never",
            "--network", "none", "--read-only", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
            "--user", "65534:65534", "--hostname", "scoring", "--ipc", "private",
            // Output reaches the worker through the attached pipes; the engine keeps no copy in its logs or journald.
            "--log-driver", "none",
            "--cpus", limits.Cpus.ToString(CultureInfo.InvariantCulture), "--memory", memory, "--memory-swap", memory,
            "--pids-limit", limits.MaxProcesses.ToString(CultureInfo.InvariantCulture),
            "--ulimit", $"cpu={limits.CpuSeconds}:{limits.CpuSeconds}", "--ulimit", $"fsize={limits.MaxFileBytes}:{limits.MaxFileBytes}",
            "--ulimit", "core=0:0", "--ulimit", "nofile=256:256",
            "--tmpfs", $"/tmp:rw,nosuid,nodev,noexec,size={limits.TmpBytes}",
            .. job.Mounts.SelectMany(m => new[] { "--mount", Bind(m.HostFolder, m.SandboxPath, readOnly: !m.Writable) }),
            "--workdir", job.WorkingMount,
            "--env", "HOME=/tmp", "--env", "PYTHONDONTWRITEBYTECODE=1",
            "--env", "input=" + ProgramJob.InputMount, "--env", "output=" + ProgramJob.OutputMount, "--env", "program=" + job.WorkingMount,
            "--entrypoint", "/bin/sh", image, "-c", command,
        ];
    }

    /// <summary>
    /// What the docker CLI gets from the worker's environment: only how to reach the engine. The container's own
    /// variables are the <c>--env</c> arguments above, so nothing of the worker's reaches the program either way.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ClientEnvironment()
    {
        var passed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY", "HOME", "XDG_RUNTIME_DIR" })
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value) passed[name] = value;
        }

        return passed;
    }

    /// <summary>The path the container engine sees for a path under the worker's work root.</summary>
    public string HostPath(string path)
    {
        if (options.ContainerHostWorkRoot.Length == 0) return path;
        var root = Path.GetFullPath(options.ResolvedWorkRoot).TrimEnd('/');
        return path.StartsWith(root + "/", StringComparison.Ordinal)
            ? options.ContainerHostWorkRoot.TrimEnd('/') + path[root.Length..]
            : path;
    }

    // --mount, unlike -v, refuses a comma or missing source instead of guessing; job paths never hold commas.
    private string Bind(string source, string target, bool readOnly)
        => $"type=bind,source={HostPath(source)},target={target}" + (readOnly ? ",readonly" : "");

    private async Task KillAsync(string name)
    {
        try
        {
            var stopping = new SandboxLimits { WallClock = TimeSpan.FromSeconds(20), CapturedOutputBytes = 1024, MaxOutputBytes = 65536 };
            await ProcessRunner.RunAsync(options.DockerPath, ["kill", name], stopping, null, CancellationToken.None, ClientEnvironment());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No docker CLI: nothing was started either.
        }
    }
}
