using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Features.Accounts;

/// <summary>
/// Identity's account endpoints (register, login, refresh, manage…), rate-limited per client, with sign-in attempts also
/// limited per (account, client).
/// </summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/account").WithTags("Accounts").RequireRateLimiting(RateLimitOptions.SignInPolicy);
        group.AddEndpointFilter(LimitSignInAttempts);
        group.MapIdentityApi<User>();
        return group;
    }

    private static async ValueTask<object?> LimitSignInAttempts(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<LoginRequest>().FirstOrDefault() is not { } login) return await next(context);
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<SignInAttempts>().TryAttempt(login.Email, RateLimits.ClientAddress(http), out var retryAfter))
            return await next(context);
        await RateLimits.RefuseAsync(http, retryAfter);
        return Results.Empty;
    }
}
