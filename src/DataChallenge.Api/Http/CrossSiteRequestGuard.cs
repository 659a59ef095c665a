using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace DataChallenge.Api.Http;

/// <summary>
/// The session cookie also signs API requests in, and a page on another site can make the browser send it with a form
/// post. So a request that changes something through the API with cookies and without an Authorization header must
/// show it comes from our own pages: <c>Sec-Fetch-Site: same-origin</c>, or an <c>Origin</c> equal to ours, or (older
/// browsers) the <c>X-Requested-With</c> header, which another site cannot add without a CORS preflight we never grant.
/// Bearer and personal tokens are exempt: a browser never adds them by itself.
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsCheck(context.Request) && !IsSameOrigin(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden, Title = "Cross-site request refused.",
                    Detail = "Requests signed in with the session cookie must come from this site's pages; other clients send a bearer token.",
                },
            });
            return;
        }
        await next(context);
    }

    private static bool NeedsCheck(HttpRequest request)
        => request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            && request.Headers.Authorization.Count == 0
            && request.Headers.Cookie.Count > 0;

    private static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0) return fetchSite == "same-origin";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        return request.Headers.ContainsKey(HeaderNames.XRequestedWith);
    }
}
