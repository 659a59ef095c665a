using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using DataChallenge.Api.Mail;
using DataChallenge.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Testing;

/// <summary>
/// The whole server in-process, on its own data folder, with settings chosen by the test and every log line kept in
/// <see cref="Logs"/>. The server's assembly is named through <see cref="ServerRoles"/>, not Program, because test
/// projects that also reference the CLI see two types called Program.
/// </summary>
public class ServerFactory : WebApplicationFactory<ServerRoles>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "datachallenge-tests", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Configuration keys as in appsettings (Roles, Bus:RabbitMqUrl, …). Demo seeding is off unless set; rate limits are
    /// far above what tests send (every test client shares one address), except where a test lowers them; the
    /// restart watchdog is off.
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Demo:Enabled"] = "false",
        ["RateLimits:SignInPerClientPerMinute"] = "100000",
        ["RateLimits:SignInPerAccountAndClientPerMinute"] = "100000",
        ["RateLimits:TokensPerAccountPerHour"] = "100000",
        ["RateLimits:UploadsPerAccountPerMinute"] = "100000",
        // The test host must never end itself: a stuck endpoint fails its test instead of the whole run.
        ["Bus:RestartAfter"] = "00:00:00",
    };

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Organiser programs run in bubblewrap under the test's own folder, for at most 30 seconds each.</summary>
    public void RunProgramsInBubblewrap()
    {
        Settings["Sandbox:Kind"] = "bubblewrap";
        Settings["Sandbox:WorkRoot"] = Path.Combine(DataFolder, "sandbox");
        Settings["Sandbox:Limits:WallClock"] = "00:00:30";
    }

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, unlike ConfigureAppConfiguration, is visible to Program before it builds the app.
        builder.UseSetting("DataFolder", DataFolder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            var transport = services.LastOrDefault(d => d.ServiceType == typeof(IMailTransport));
            if (transport?.ImplementationFactory is { } create)
                services.AddSingleton<IMailTransport>(provider => new SentMail.Recorder((IMailTransport)create(provider)));
            ConfigureServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
