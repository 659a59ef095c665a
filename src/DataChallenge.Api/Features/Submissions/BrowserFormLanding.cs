using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DataChallenge.Api.Features.Submissions;

/// <summary>
/// Without script, the submit page's form posts straight to the upload endpoint; a person should land back on that page
/// (with the new submission or the reason for the refusal), not on JSON. The page's script marks its own requests with
/// <see cref="ScriptHeader"/> and keeps the JSON answers.
/// </summary>
public sealed class BrowserFormLanding : IEndpointFilter
{
    public const string ScriptHeader = "X-Requested-With";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (!IsPlainFormPost(http.Request)) return result;
        var page = $"/phases/{http.GetRouteValue("phaseId")}/submit";
        return (result is INestedHttpResult nested ? nested.Result : result) switch
        {
            Accepted<SubmissionResponse> accepted when accepted.Value is { } submission => new SeeOther($"{page}?submission={submission.Id}"),
            ProblemHttpResult problem => new SeeOther($"{page}?refused={problem.StatusCode}"),
            _ => result,
        };
    }

    public static bool IsPlainFormPost(HttpRequest request)
        => request.HasFormContentType && !request.Headers.ContainsKey(ScriptHeader)
            && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>303 makes the browser follow with a GET, so a reload of the landing page never uploads again.</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
