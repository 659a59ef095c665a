using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Hosting;

/// <summary>
/// Behind a TLS proxy: the client's address and scheme come from X-Forwarded-For/-Proto, trusted only from the proxies
/// listed in <c>ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c> (loopback by default), and HTTPS answers
/// carry HSTS so browsers never fall back to plain HTTP.
/// </summary>
public static class ProxyHeaders
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? []) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? []) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>First in the pipeline, so everything after sees the client's real address and scheme.</summary>
    public static void UseProxyHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Localhost is excluded by the middleware itself, so development runs are not pinned to HTTPS.
        app.UseHsts();
    }
}
