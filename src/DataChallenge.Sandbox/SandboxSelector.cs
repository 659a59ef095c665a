namespace DataChallenge.Sandbox;

/// <summary>Chooses the sandbox named by <see cref="SandboxOptions.Kind"/>, or none with the reason.</summary>
public static class SandboxSelector
{
    /// <returns>The sandbox, or null when organiser programs must not run here; <paramref name="reason"/> says why.</returns>
    public static ISandbox? Create(SandboxOptions options, out string reason)
    {
        switch (options.Kind)
        {
            case SandboxKind.Bubblewrap:
                return BubblewrapSandbox.IsAvailable(options, out reason) ? new BubblewrapSandbox(options) : null;
            case SandboxKind.Container:
                reason = "";
                return new ContainerSandbox(options);
            default:
                reason = "Scoring programs are turned off on this worker (Sandbox:Kind is None).";
                return null;
        }
    }
}
