using DataChallenge.Core.Persistence;

namespace DataChallenge.Server.Demo;

public static class DemoRegistration
{
    public static IServiceCollection AddDemoChallenge(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DemoOptions.Section);
        var options = section.Get<DemoOptions>() ?? new DemoOptions();
        // Demo accounts share a published password: only the embedded default run (`dotnet run`, no database and no data
        // folder configured) seeds them unless asked for. The container image sets a data folder, so it does not.
        var embedded = string.IsNullOrWhiteSpace(configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Postgres)
            && string.IsNullOrWhiteSpace(configuration["DataFolder"]);
        var enabled = section["Enabled"] is null ? embedded : options.Enabled;
        services.Configure<DemoOptions>(section);
        if (enabled) services.AddHostedService<DemoSeeder>();
        return services;
    }
}
