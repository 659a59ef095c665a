using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Testing;

/// <summary>
/// Counts the sign-in managers a server builds, and those built in a request's own scope: a request holds what its
/// scope built for as long as it lasts, and a live board stream lasts hours.
/// </summary>
public sealed class SignInManagerCount
{
    private int _all;
    private int _inRequestScope;

    public SignInManagerCount(ServerFactory server) => server.ConfigureServices = services => services.AddScoped(provider =>
    {
        Interlocked.Increment(ref _all);
        if (ReferenceEquals(provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.RequestServices, provider))
            Interlocked.Increment(ref _inRequestScope);
        return ActivatorUtilities.CreateInstance<SignInManager<User>>(provider);
    });

    public int All => Volatile.Read(ref _all);

    public int InRequestScope => Volatile.Read(ref _inRequestScope);

    public void Reset()
    {
        Volatile.Write(ref _all, 0);
        Volatile.Write(ref _inRequestScope, 0);
    }
}
