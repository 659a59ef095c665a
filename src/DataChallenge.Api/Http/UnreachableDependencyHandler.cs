using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Api.Http;

/// <summary>
/// Answers 503 with Retry-After when a dependency is unreachable, so a client retries (with the same Idempotency-Key
/// for an upload) instead of waiting or giving up. Nothing was recorded: the intake commits before it answers 202.
/// </summary>
public sealed class UnreachableDependencyHandler(IProblemDetailsService problems, ILogger<UnreachableDependencyHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!UnreachableDependency.Caused(exception)) return false;
        logger.LogWarning("{Method} {Path} answered 503: a dependency is unreachable ({Error})", httpContext.Request.Method,
            httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The platform is briefly unavailable.",
                Detail = $"Nothing was recorded. Retry in {RetryAfterSeconds} seconds; an upload retried with the same Idempotency-Key is recorded once.",
            },
        });
    }
}
