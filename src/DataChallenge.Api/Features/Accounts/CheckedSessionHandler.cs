using System.Text.Encodings.Web;
using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Accounts;

/// <summary>
/// Identity's bearer tokens and session cookies, checked against the account's security stamp on every request. A new or
/// reset password changes the stamp; Identity alone would honour an access token until it expires (an hour), so whoever
/// knew the old password would keep a session. Challenges and refusals stay Identity's.
/// </summary>
/// <remarks>
/// The stamp is read in a scope of its own, and only when a session was presented: a request lasts as long as its
/// scope, and a live board stream lasts hours, so ten thousand viewers would otherwise each hold an account manager
/// and a database context (and empty the context pool every other request leases from).
/// </remarks>
public sealed class CheckedSessionHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IServiceScopeFactory scopes)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CheckedSession";

    // IdentityConstants.BearerAndApplicationScheme is internal; this is its value, registered by AddIdentityApiEndpoints.
    public const string IdentityBearerOrCookie = "Identity.BearerAndApplication";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(IdentityBearerOrCookie);
        if (!result.Succeeded) return result;
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<User>>();
        return await signIn.ValidateSecurityStampAsync(result.Principal) is null ? AuthenticateResult.Fail("The session ended when the account's password changed.") : result;
    }

    /// <summary>
    /// Identity's own check of a session cookie (the pages read the cookie directly), run in a scope of its own for the
    /// same reason: Identity takes its validator from the request's services, so a signed-in person's open board page
    /// would hold an account manager and a database context for as long as it watches.
    /// </summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        await using var scope = context.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISecurityStampValidator>().ValidateAsync(context);
    }
}
