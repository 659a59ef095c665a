using DataChallenge.Core.Accounts;

namespace DataChallenge.Api.Features.Tokens;

/// <param name="ExpiresAt">When the token stops working; 90 days after its creation when omitted.</param>
public sealed record CreateTokenRequest(string Name, DateTimeOffset? ExpiresAt);

/// <summary>The only answer that carries the token's text: it cannot be read again.</summary>
public sealed record CreatedTokenResponse(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Token);

public sealed record TokenResponse(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt)
{
    public static TokenResponse From(PersonalToken token) => new(token.Id, token.Name, token.CreatedAt, token.ExpiresAt, token.LastUsedAt);
}
