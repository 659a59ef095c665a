using DataChallenge.Core.CodePhases;
using DataChallenge.Sandbox;

namespace DataChallenge.Server;

/// <summary>
/// Tells the pages whether code phases can run here. Only a process that is also a worker can know; an api alone trusts
/// that its workers run elsewhere.
/// </summary>
internal static class CodeRunHostRegistration
{
    public static IServiceCollection AddCodeRunHost(this IServiceCollection services, IConfiguration configuration, bool isWorker)
    {
        string? reason = null;
        if (isWorker)
        {
            var options = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
            if (SandboxSelector.Create(options, out var why) is null)
                reason = why + " To run code phases here, install bubblewrap (apt-get install bubblewrap) and set Sandbox:Kind to Bubblewrap, "
                    + "or set Sandbox:Kind to Container on a host with a container engine.";
        }
        return services.AddSingleton(new CodeRunHost(reason));
    }
}
