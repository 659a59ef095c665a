using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Cli.Commands;
using DataChallenge.Cli.Remote;
using DataChallenge.Testing;

namespace DataChallenge.Cli.Tests.Remote;

/// <summary>
/// A competitor at a terminal: the CLI's verbs run in-process with their HTTP handler wired to the test server, a
/// private config folder and environment variables chosen by the test.
/// </summary>
public sealed class CliSession : IDisposable
{
    public const string Server = "http://localhost";

    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("datachallenge-cli-home-");
    private readonly Func<HttpMessageHandler> _handler;

    public CliSession(ServerFactory server) => _handler = () => server.Server.CreateHandler();

    /// <summary>A session whose requests go to <paramref name="handler"/> instead of a server.</summary>
    public CliSession(Func<HttpMessageHandler> handler) => _handler = handler;

    public Dictionary<string, string?> Environment { get; } = new();

    public string ConfigPath => Path.Combine(_home.FullName, "datachallenge", "config.json");

    public string Folder => _home.FullName;

    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public (int Code, string Output, string Error) Run(params string[] args)
    {
        var host = new CliHost
        {
            Environment = name => name == "XDG_CONFIG_HOME" ? _home.FullName : Environment.GetValueOrDefault(name),
            CreateHandler = _handler,
            Interactive = false,
            PollInterval = TimeSpan.FromMilliseconds(50),
            WaitTimeout = WaitTimeout,
        };
        var root = new RootCommand();
        ClientCommands.AddTo(root, host);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandRunner.Run(root, args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(_home.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Creates a personal token for a signed-in API session and returns its id and text.</summary>
    public static async Task<(Guid Id, string Token)> CreateTokenAsync(ApiSession session, string name = "cli", DateTimeOffset? expiresAt = null)
    {
        var response = await session.Client.PostAsJsonAsync("/api/account/tokens", new { name, expiresAt });
        await ApiSession.EnsureAsync(response, "create token", HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("token").GetString()!);
    }

    public void Dispose() => _home.Delete(recursive: true);
}
