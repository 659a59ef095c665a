using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Challenges;

/// <summary>Who the caller is to a challenge. Every endpoint that takes an id asks here before answering.</summary>
public static class ChallengeAccess
{
    public static Task<bool> IsOrganiserAsync(this DataChallengeDbContext db, Guid challengeId, Guid? userId, CancellationToken cancellationToken)
        => userId is null
            ? Task.FromResult(false)
            : db.Challenges.AnyAsync(c => c.Id == challengeId && c.OwnerId == userId, cancellationToken);

    /// <summary>The caller's team in the challenge, or null when the caller has not joined it.</summary>
    public static async Task<Guid?> TeamOfAsync(this DataChallengeDbContext db, Guid challengeId, Guid? userId, CancellationToken cancellationToken)
        => userId is null
            ? null
            : await db.Participants.Where(p => p.ChallengeId == challengeId && p.UserId == userId)
                .Select(p => (Guid?)p.TeamId).FirstOrDefaultAsync(cancellationToken);
}
