namespace DataChallenge.Hosting.Messaging;

/// <summary>How the process ends so that its supervisor starts it again; tests replace it, as they must not end their host.</summary>
public interface IProcessExit
{
    /// <summary>The code the process returns once its host has stopped.</summary>
    void SetExitCode(int code);

    /// <summary>Ends the process at once, without waiting any longer for its host to stop.</summary>
    void Exit(int code);
}

public sealed class EnvironmentProcessExit : IProcessExit
{
    public void SetExitCode(int code) => Environment.ExitCode = code;

    public void Exit(int code) => Environment.Exit(code);
}
