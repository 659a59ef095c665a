using System.Security.Claims;

namespace DataChallenge.Web.Reading;

public static class PageUser
{
    /// <summary>The signed-in person's id, or null for a visitor.</summary>
    public static Guid? IdOrNull(this ClaimsPrincipal user)
        => Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
