using DataChallenge.Api.Features.Submissions;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Features.Closing;

/// <summary>A plain form upload from the challenge page lands back on that page, with the outcome, not on JSON.</summary>
public sealed class ClosingFormLanding : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (!BrowserFormLanding.IsPlainFormPost(http.Request) || !Guid.TryParse(http.GetRouteValue("phaseId")?.ToString(), out var phaseId)) return result;
        var db = http.RequestServices.GetRequiredService<DataChallengeDbContext>();
        var slug = await db.Phases.Where(p => p.Id == phaseId).Join(db.Challenges, p => p.ChallengeId, c => c.Id, (p, c) => c.Slug)
            .FirstOrDefaultAsync(http.RequestAborted);
        if (slug is null) return result;
        var outcome = (result is INestedHttpResult nested ? nested.Result : result) is ProblemHttpResult problem ? $"refused-{problem.StatusCode}" : "uploaded";
        // The browser follows with a GET, so a reload of the page never uploads again.
        return TypedResults.Redirect($"/challenges/{slug}?closing={outcome}#closing-{phaseId}");
    }
}
