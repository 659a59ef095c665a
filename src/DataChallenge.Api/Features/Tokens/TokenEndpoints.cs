using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Tokens;

public static class TokenEndpoints
{
    private const int MaxTokensPerUser = 50;

    /// <summary>A token created without an expiry date still ends: a forgotten one on an old laptop stops working.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    public static RouteGroupBuilder MapTokens(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/account/tokens").WithTags("Accounts").RequireAuthorization();
        group.MapPost("/", Create).RequireRateLimiting(RateLimitOptions.TokensPolicy).WithSummary("Create a personal API token; its text is in this answer only.");
        group.MapGet("/", List).WithSummary("Your personal API tokens, without their text.");
        group.MapDelete("/{tokenId:guid}", Revoke).WithSummary("Revoke a personal API token; it is refused from the next request on.");
        return group;
    }

    private static async Task<Results<Created<CreatedTokenResponse>, ProblemHttpResult>> Create(CreateTokenRequest request, ClaimsPrincipal user,
        DataChallengeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) return Problems.BadRequest("A token name has 1 to 100 characters.");
        var now = clock.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= now) return Problems.BadRequest("The expiry date must be in the future.");
        var userId = user.UserId();
        if (await db.PersonalTokens.AnyAsync(t => t.UserId == userId && t.Name == name, cancellationToken))
            return Problems.Conflict($"You already have a token called '{name}'.");
        if (await db.PersonalTokens.CountAsync(t => t.UserId == userId, cancellationToken) >= MaxTokensPerUser)
            return Problems.Conflict($"You have {MaxTokensPerUser} tokens already; revoke one first.");

        var text = PersonalToken.NewText();
        var token = new PersonalToken { UserId = userId, Name = name, Hash = PersonalToken.HashOf(text), CreatedAt = now, ExpiresAt = request.ExpiresAt ?? now + DefaultLifetime };
        db.PersonalTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/account/tokens/{token.Id}", new CreatedTokenResponse(token.Id, token.Name, token.CreatedAt, token.ExpiresAt, text));
    }

    private static async Task<Ok<List<TokenResponse>>> List(ClaimsPrincipal user, DataChallengeDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var tokens = await db.PersonalTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken);
        return TypedResults.Ok(tokens.OrderBy(t => t.CreatedAt).Select(TokenResponse.From).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid tokenId, ClaimsPrincipal user, DataChallengeDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        // Someone else's token answers exactly like a missing one.
        var deleted = await db.PersonalTokens.Where(t => t.Id == tokenId && t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Problems.NotFound("The token") : TypedResults.NoContent();
    }
}
