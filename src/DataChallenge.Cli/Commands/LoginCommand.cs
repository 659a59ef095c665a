using System.CommandLine;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Commands;

/// <summary><c>datachallenge login</c>: checks a personal token against the server, then stores both for later verbs.</summary>
internal static class LoginCommand
{
    public static Command Create(CliHost host)
    {
        var server = new Option<string?>("--server") { Description = "The platform's address, e.g. https://challenges.example.org." };
        var token = new Option<string?>("--token") { Description = "A personal API token (dc_…), created on your account page; defaults to DATACHALLENGE_TOKEN." };
        var command = new Command("login", "Check a personal API token and store it with the server's address.") { server, token };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var address = parse.GetValue(server) ?? host.Environment("DATACHALLENGE_SERVER");
            var secret = parse.GetValue(token) ?? host.Environment("DATACHALLENGE_TOKEN");
            if (string.IsNullOrWhiteSpace(address) || string.IsNullOrWhiteSpace(secret))
            {
                await error.WriteLineAsync("login needs --server URL and --token TOKEN (or DATACHALLENGE_SERVER and DATACHALLENGE_TOKEN).");
                return ExitCodes.Usage;
            }
            try
            {
                using var api = ApiClient.Create(host, address, secret.Trim());
                var me = await api.GetJsonAsync("api/account/manage/info", cancellationToken);
                new CliConfig(api.Server, secret.Trim()).Save(host.ConfigPath);
                await output.WriteLineAsync($"Logged in to {api.Server} as {me.String("email")}. Saved to {host.ConfigPath}.");
                return ExitCodes.Success;
            }
            catch (CliException e)
            {
                await error.WriteLineAsync(e.Message);
                return e.ExitCode;
            }
        });
        return command;
    }
}
