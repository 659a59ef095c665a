using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Reading;

public static class PageParticipation
{
    /// <summary>What keeps the reader from downloading data or submitting, if anything.</summary>
    public static async Task<ParticipationBlock> BlockAsync(this DataChallengeDbContext db, ChallengeSight sight, CancellationToken cancellationToken)
    {
        var participant = sight.UserId is { } userId
            ? await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.ChallengeId == sight.Challenge.Id && p.UserId == userId, cancellationToken)
            : null;
        return ParticipationRule.BlockFor(sight.Challenge, participant, sight.IsOrganiser);
    }
}
