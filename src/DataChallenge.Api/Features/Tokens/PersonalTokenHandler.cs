using System.Security.Claims;
using System.Text.Encodings.Web;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Tokens;

/// <summary>
/// Signs in a request that carries <c>Authorization: Bearer dc_…</c>. The token is looked up on every request, so a
/// revoked or expired one is refused at once. Failure messages never quote the token: they reach the logs.
/// </summary>
public sealed class PersonalTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    DataChallengeDbContext db, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalToken";

    // Writing the last-use time on every call would turn each read into a write; a minute is precise enough.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request.Headers.Authorization.ToString()) is not { } text) return AuthenticateResult.NoResult();

        var hash = PersonalToken.HashOf(text);
        var found = await db.PersonalTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.UserName, u.Email })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null) return AuthenticateResult.Fail("Unknown or revoked personal token.");
        var now = clock.GetUtcNow();
        if (found.Token.IsExpiredAt(now)) return AuthenticateResult.Fail("Expired personal token.");

        if (found.Token.LastUsedAt is not { } last || now - last >= LastUsedPrecision)
        {
            await db.PersonalTokens.Where(t => t.Id == found.Token.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.Token.UserId.ToString()),
            new(ClaimTypes.Name, found.UserName ?? found.Email ?? found.Token.UserId.ToString()),
            new("personal_token_id", found.Token.Id.ToString()),
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The personal token in an Authorization header value, if it carries one.</summary>
    public static string? TokenOf(string authorization)
    {
        const string bearer = "Bearer ";
        if (!authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)) return null;
        var value = authorization[bearer.Length..].Trim();
        return value.StartsWith(PersonalToken.Prefix, StringComparison.Ordinal) ? value : null;
    }
}
