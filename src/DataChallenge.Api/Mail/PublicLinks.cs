using DataChallenge.Core.Challenges;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Mail;

/// <summary>
/// Absolute links for mail: <c>Platform:PublicUrl</c>, or else the first address the server listens on (the embedded
/// demo). Never the request's Host header, so nobody can have a reset link point at their own site.
/// </summary>
public sealed class PublicLinks(IOptions<PlatformOptions> platform, IServer server)
{
    public Uri To(string pathAndQuery) => new(Base(), pathAndQuery);

    private Uri Base()
    {
        if (platform.Value.PublicUrl is { } configured) return new Uri(configured.TrimEnd('/') + "/");
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        // A wildcard binding is not an address anyone can open.
        var url = new UriBuilder(listening.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (url.Host is "0.0.0.0" or "[::]") url.Host = "localhost";
        url.Path = "/";
        return url.Uri;
    }
}
