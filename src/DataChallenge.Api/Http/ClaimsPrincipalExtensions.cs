using System.Security.Claims;

namespace DataChallenge.Api.Http;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id; only called on endpoints that require authentication.</summary>
    public static Guid UserId(this ClaimsPrincipal user)
        => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not signed in."));
}
