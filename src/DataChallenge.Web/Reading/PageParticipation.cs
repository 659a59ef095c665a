using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;

namespace DataChallenge.Web.Reading;

public static class PageParticipation
{
    /// <summary>What keeps the reader from downloading data or submitting, if anything.</summary>
    public static async Task<ParticipationBlock> BlockAsync(this DataChallengeDbContext db, ChallengeSight sight, CancellationToken cancellationToken)
        => await ParticipationRule.BlockAsync(db, sight, cancellationToken);
}
