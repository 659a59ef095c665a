using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Features.Accounts;

/// <summary>
/// Identity's account endpoints (register, login, refresh, manage…), rate-limited per client, with sign-in attempts also
/// limited per (account, client), and a registration that does not tell whether an address already has an account.
/// </summary>
public static class AccountEndpoints
{
    // Identity's codes for "this address is taken"; they are the only errors that depend on someone else's account.
    private static readonly string[] TakenCodes = ["DuplicateUserName", "DuplicateEmail"];

    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/account").WithTags("Accounts").RequireRateLimiting(RateLimitOptions.SignInPolicy);
        group.AddEndpointFilter(LimitSignInAttempts).AddEndpointFilter(HideTakenAddresses);
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

    // A taken address answers like a new one (200, no body); other errors, such as a short password, are still reported.
    private static async ValueTask<object?> HideTakenAddresses(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (!context.Arguments.OfType<RegisterRequest>().Any()) return result;
        if ((result is INestedHttpResult nested ? nested.Result : result) is not ValidationProblem { ProblemDetails.Errors: var errors }) return result;
        var others = errors.Where(e => !TakenCodes.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value);
        if (others.Count == errors.Count) return result;
        return others.Count == 0 ? TypedResults.Ok() : TypedResults.ValidationProblem(others);
    }
}
