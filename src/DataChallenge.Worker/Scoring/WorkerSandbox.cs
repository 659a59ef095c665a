using DataChallenge.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Scoring;

/// <summary>The one sandbox of this worker, for organiser programs and competitors' code alike, chosen on first use.</summary>
public sealed class WorkerSandbox(IOptions<SandboxOptions> options, ILogger<WorkerSandbox> logger)
{
    private static int s_warnedAboutSandbox;

    private readonly Lazy<(ISandbox? Sandbox, string Reason)> _sandbox = new(() =>
        (SandboxSelector.Create(options.Value, out var reason), reason));

    public SandboxOptions Options => options.Value;

    /// <returns>The sandbox, or null when no code may run on this worker; <paramref name="reason"/> says why.</returns>
    public ISandbox? Get(out string reason)
    {
        (var sandbox, reason) = _sandbox.Value;
        return sandbox;
    }

    /// <summary>Said once per worker process, at warning level: an operator must see that a limit is not enforced here.</summary>
    public void WarnOnceIfWeakened(ProgramRun run)
    {
        if (run.SandboxWarning is { } warning && Interlocked.Exchange(ref s_warnedAboutSandbox, 1) == 0)
            logger.LogWarning("SANDBOX LIMITS NOT ENFORCED on this worker: {Warning}. See the README's sandbox section.", warning);
    }
}
