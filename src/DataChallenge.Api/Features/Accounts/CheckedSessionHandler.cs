using System.Text.Encodings.Web;
using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Accounts;

/// <summary>
/// Identity's bearer tokens and session cookies, checked against the account's security stamp on every request. A new or
/// reset password changes the stamp; Identity alone would honour an access token until it expires (an hour), so whoever
/// knew the old password would keep a session. Challenges and refusals stay Identity's.
/// </summary>
public sealed class CheckedSessionHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SignInManager<User> signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CheckedSession";

    // IdentityConstants.BearerAndApplicationScheme is internal; this is its value, registered by AddIdentityApiEndpoints.
    public const string IdentityBearerOrCookie = "Identity.BearerAndApplication";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(IdentityBearerOrCookie);
        if (!result.Succeeded) return result;
        return await signIn.ValidateSecurityStampAsync(result.Principal) is null ? AuthenticateResult.Fail("The session ended when the account's password changed.") : result;
    }
}
