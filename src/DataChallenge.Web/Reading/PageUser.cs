using System.Security.Claims;
using DataChallenge.Core.Challenges;

namespace DataChallenge.Web.Reading;

public static class PageUser
{
    /// <summary>The signed-in person's id, or null for a visitor; read as the challenge lookup reads it.</summary>
    public static Guid? IdOrNull(this ClaimsPrincipal user) => ChallengeLookup.UserIdOf(user);
}
