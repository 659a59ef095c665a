namespace DataChallenge.Cli.Remote;

/// <summary>
/// What the client verbs take from the outside world: environment variables, the HTTP handler and the terminal.
/// Tests replace each one to run the verbs against an in-process server.
/// </summary>
internal sealed class CliHost
{
    public static CliHost Default { get; } = new();

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public Func<HttpMessageHandler> CreateHandler { get; init; } = () => new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All };

    /// <summary>Progress bars are drawn only on a terminal, on stderr, so piped output stays clean.</summary>
    public bool Interactive { get; init; } = !Console.IsErrorRedirected;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary><c>$XDG_CONFIG_HOME/datachallenge/config.json</c>, else <c>~/.config/datachallenge/config.json</c>.</summary>
    public string ConfigPath
    {
        get
        {
            var root = Environment("XDG_CONFIG_HOME");
            if (string.IsNullOrWhiteSpace(root))
                root = Path.Combine(Environment("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".config");
            return Path.Combine(root, "datachallenge", "config.json");
        }
    }
}
