using Microsoft.AspNetCore.Mvc.Filters;

namespace DataChallenge.Web.Security;

/// <summary>
/// Pages load scripts and styles from our own origin only: no inline script or style is ever needed, so an injected
/// one cannot run. The live board's stream and the upload calls are same-origin too.
/// </summary>
public sealed class ContentSecurityPolicyFilter : IAsyncPageFilter
{
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        return next();
    }
}
