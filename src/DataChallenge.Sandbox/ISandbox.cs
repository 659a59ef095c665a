namespace DataChallenge.Sandbox;

/// <summary>Runs one organiser program on one job's folders, within limits, without network.</summary>
public interface ISandbox
{
    string Name { get; }

    Task<ProgramRun> RunAsync(ProgramJob job, string command, string runtime, SandboxLimits limits, CancellationToken cancellationToken);
}
