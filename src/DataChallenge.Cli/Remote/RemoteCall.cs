using System.CommandLine;
using Spectre.Console;

namespace DataChallenge.Cli.Remote;

/// <summary>One run of a client verb: its parsed arguments, the signed-in API client and where to write.</summary>
internal sealed class RemoteCall(CliHost host, ParseResult parse, ApiClient api, TextWriter output, TextWriter error)
{
    public CliHost Host { get; } = host;
    public ParseResult Parse { get; } = parse;
    public ApiClient Api { get; } = api;
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Tables on stdout, without colour or markup codes so they read the same in a file.</summary>
    public IAnsiConsole Console { get; } = Terminal.Plain(output);

    /// <summary>Adds <c>--server</c> to the verb and runs <paramref name="action"/> with the resolved login.</summary>
    public static void Attach(Command command, CliHost host, Func<RemoteCall, CancellationToken, Task<int>> action)
    {
        var server = new Option<string?>("--server") { Description = "The platform's address; overrides DATACHALLENGE_SERVER and the stored login." };
        command.Options.Add(server);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var config = CliConfig.Load(host.ConfigPath);
                var address = FirstOf(parse.GetValue(server), host.Environment("DATACHALLENGE_SERVER"), config.Server)
                    ?? throw new CliException(ExitCodes.Usage, "No server is known: run `datachallenge login --server URL --token TOKEN`, or pass --server.");
                // The stored token goes only to the server it was stored for, never to another address given on the command line.
                var token = FirstOf(host.Environment("DATACHALLENGE_TOKEN"), SameServer(address, config.Server) ? config.Token : null);
                using var api = ApiClient.Create(host, address, token);
                return await action(new RemoteCall(host, parse, api, output, error), cancellationToken);
            }
            catch (CliException e)
            {
                await error.WriteLineAsync(e.Message);
                return e.ExitCode;
            }
            catch (IOException e)
            {
                await error.WriteLineAsync(e.Message);
                return ExitCodes.Error;
            }
        });
    }

    public void RequireToken()
    {
        if (Api.Http.DefaultRequestHeaders.Authorization is null)
            throw new CliException(ExitCodes.Usage, "This command needs a token: run `datachallenge login --server URL --token TOKEN`, or set DATACHALLENGE_TOKEN.");
    }

    private static string? FirstOf(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    public static bool SameServer(string? a, string? b)
        => a is not null && b is not null && string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
