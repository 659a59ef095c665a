using DataChallenge.Server;
using DataChallenge.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Cli.Tests.Remote;

/// <summary>
/// The whole server in-process, as tests/Shared/ServerFactory starts it, with every log line captured. The entry
/// assembly is named through <see cref="ServerRoles"/>: both the server and the CLI have a type called Program.
/// </summary>
public sealed class CliTestServer : WebApplicationFactory<ServerRoles>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "datachallenge-cli-tests", Guid.NewGuid().ToString("N"));

    public CapturedLogs Logs { get; } = new();

    public Action<IServiceCollection>? ConfigureServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataFolder", DataFolder);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            ConfigureServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
