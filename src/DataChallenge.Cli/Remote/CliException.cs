namespace DataChallenge.Cli.Remote;

/// <summary>A failure explained in one sentence for stderr, with the exit code it maps to.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
