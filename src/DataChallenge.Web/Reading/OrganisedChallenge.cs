using System.Security.Claims;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Reading;

public static class OrganisedChallenge
{
    /// <summary>The challenge of <paramref name="slug"/> if <paramref name="user"/> organises it; to anyone else it does not exist.</summary>
    public static async Task<Challenge?> FindAsync(DataChallengeDbContext db, string slug, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        return challenge is not null && await db.IsOrganiserAsync(challenge.Id, user.IdOrNull(), cancellationToken) ? challenge : null;
    }
}
