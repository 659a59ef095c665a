using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Http;

/// <summary>
/// The rate-limiting policies (<see cref="RateLimitOptions"/>): sign-in per client address, tokens and uploads per
/// account. A refusal is a 429 problem with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<SignInAttempts>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) => new ValueTask(RefuseAsync(rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1)));
            limiter.AddPolicy(RateLimitOptions.SignInPolicy, context => Window("client:" + ClientAddress(context), TimeSpan.FromMinutes(1),
                Options(context).SignInPerClientPerMinute));
            limiter.AddPolicy(RateLimitOptions.TokensPolicy, context => Window(AccountOrClient(context), TimeSpan.FromHours(1),
                Options(context).TokensPerAccountPerHour));
            limiter.AddPolicy(RateLimitOptions.UploadsPolicy, context => Window(AccountOrClient(context), TimeSpan.FromMinutes(1),
                Options(context).UploadsPerAccountPerMinute));
        });
        return services;
    }

    public static string? ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    /// <summary>Writes the 429 problem; also used where a limit is checked inside an endpoint.</summary>
    public static Task RefuseAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests; try again later." },
        }).AsTask();
    }

    private static RateLimitOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static string AccountOrClient(HttpContext context)
        => context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "account:" + userId : "client:" + ClientAddress(context);

    private static RateLimitPartition<string> Window(string key, TimeSpan window, int permits)
        => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}
