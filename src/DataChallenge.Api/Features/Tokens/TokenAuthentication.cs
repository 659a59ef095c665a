using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Features.Tokens;

public static class TokenAuthentication
{
    /// <summary>The default scheme: personal tokens go to their handler, everything else to Identity's bearer or cookie.</summary>
    public const string Scheme = "PersonalTokenOrIdentity";

    // IdentityConstants.BearerAndApplicationScheme is internal; this is its value, registered by AddIdentityApiEndpoints.
    private const string IdentityBearerOrCookie = "Identity.BearerAndApplication";

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
            .AddPolicyScheme(Scheme, null, policy => policy.ForwardDefaultSelector = context =>
                PersonalTokenHandler.TokenOf(context.Request.Headers.Authorization.ToString()) is null
                    ? IdentityBearerOrCookie
                    : PersonalTokenHandler.SchemeName);
        return services;
    }
}
