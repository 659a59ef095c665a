using DataChallenge.Api.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Features.Tokens;

public static class TokenAuthentication
{
    /// <summary>The default scheme: personal tokens go to their handler, everything else to Identity's bearer or cookie, stamp checked.</summary>
    public const string Scheme = "PersonalTokenOrIdentity";

    /// <summary>Call after <c>AddIdentityApiEndpoints</c>, whose default scheme this one replaces.</summary>
    public static IServiceCollection AddPersonalTokens(this IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultAuthenticateScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
            })
            .AddScheme<AuthenticationSchemeOptions, PersonalTokenHandler>(PersonalTokenHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, CheckedSessionHandler>(CheckedSessionHandler.SchemeName, session =>
            {
                session.ForwardChallenge = CheckedSessionHandler.IdentityBearerOrCookie;
                session.ForwardForbid = CheckedSessionHandler.IdentityBearerOrCookie;
            })
            .AddPolicyScheme(Scheme, null, policy => policy.ForwardDefaultSelector = context =>
                PersonalTokenHandler.TokenOf(context.Request.Headers.Authorization.ToString()) is null
                    ? CheckedSessionHandler.SchemeName
                    : PersonalTokenHandler.SchemeName);
        return services;
    }
}
