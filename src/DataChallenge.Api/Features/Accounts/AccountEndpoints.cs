using System.Globalization;
using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
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
        group.AddEndpointFilter(LimitSignInAttempts).AddEndpointFilter(HideTakenAddresses).AddEndpointFilter(AnswerMailRequestsAlike);
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
        if (others.Count > 0) return TypedResults.ValidationProblem(others);
        // The owner of the address learns that someone tried, as the newcomer would have learnt of their confirmation mail.
        QueueMail(context.HttpContext, AccountMailKind.RegistrationAttempt, context.Arguments.OfType<RegisterRequest>().Single().Email);
        return TypedResults.Ok();
    }

    // "Reset my password" queues the same job whether or not the address has an account, and answers before it runs, so
    // neither the answer nor its timing tells. The reset itself goes through the rule the pages use.
    private static async ValueTask<object?> AnswerMailRequestsAlike(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<ForgotPasswordRequest>().FirstOrDefault() is { } forgot)
        {
            if (!string.IsNullOrWhiteSpace(forgot.Email)) QueueMail(context.HttpContext, AccountMailKind.PasswordReset, forgot.Email.Trim());
            return TypedResults.Ok();
        }
        // A new confirmation link: queued alike for any address too (the job sends nothing to an unknown or confirmed one).
        if (context.Arguments.OfType<ResendConfirmationEmailRequest>().FirstOrDefault() is { } resend)
        {
            if (!string.IsNullOrWhiteSpace(resend.Email)) QueueMail(context.HttpContext, AccountMailKind.Confirmation, resend.Email.Trim());
            return TypedResults.Ok();
        }
        if (context.Arguments.OfType<ResetPasswordRequest>().FirstOrDefault() is not { } reset) return await next(context);
        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<User>>();
        var result = await PasswordReset.ResetAsync(users, reset.Email, reset.ResetCode, reset.NewPassword);
        return result.Succeeded
            ? TypedResults.Ok()
            : TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
    }

    private static void QueueMail(HttpContext http, AccountMailKind kind, string address)
        => http.RequestServices.GetRequiredService<IAccountMail>().Queue(kind, address, AccountLanguage.Of(CultureInfo.CurrentUICulture));
}
