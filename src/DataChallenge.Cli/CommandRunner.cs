using System.CommandLine;

namespace DataChallenge.Cli;

/// <summary>Parses and runs a command tree, turning usage errors into exit code 64 (EX_USAGE) rather than 1.</summary>
internal static class CommandRunner
{
    public static int Run(RootCommand root, string[] args, InvocationConfiguration configuration)
    {
        var result = root.Parse(args);
        if (result.Errors.Count == 0) return result.Invoke(configuration);
        foreach (var error in result.Errors) configuration.Error.WriteLine(error.Message);
        configuration.Error.WriteLine("Run with --help for usage.");
        return ExitCodes.Usage;
    }
}
