using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Testing;

/// <summary>The whole server in-process, on its own data folder, with settings chosen by the test.</summary>
public class ServerFactory : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "datachallenge-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Configuration keys as in appsettings (Roles, Bus:RabbitMqUrl, …). Demo seeding is off unless set.</summary>
    public Dictionary<string, string?> Settings { get; } = new() { ["Demo:Enabled"] = "false" };

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, unlike ConfigureAppConfiguration, is visible to Program before it builds the app.
        builder.UseSetting("DataFolder", DataFolder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => ConfigureServices?.Invoke(services));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
