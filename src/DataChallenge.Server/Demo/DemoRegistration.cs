using DataChallenge.Core.Persistence;

namespace DataChallenge.Server.Demo;

public static class DemoRegistration
{
    public static IServiceCollection AddDemoChallenge(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DemoOptions.Section);
        var options = section.Get<DemoOptions>() ?? new DemoOptions();
        // A production database gets no demo unless asked for explicitly.
        var embedded = string.IsNullOrWhiteSpace(configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Postgres);
        var enabled = section["Enabled"] is null ? embedded : options.Enabled;
        services.Configure<DemoOptions>(section);
        if (enabled) services.AddHostedService<DemoSeeder>();
        return services;
    }
}
