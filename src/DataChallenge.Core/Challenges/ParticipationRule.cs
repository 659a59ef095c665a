using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Challenges;

/// <summary>Why someone may not yet download a challenge's data or submit to it.</summary>
public enum ParticipationBlock
{
    None,

    /// <summary>The account's address is not confirmed: one person, one confirmed address, before any challenge data.</summary>
    AddressUnconfirmed,
    NotJoined,
    PendingApproval,
    Denied,
    TermsOutdated,
}

/// <summary>
/// The one rule for data downloads and submissions: organisers pass; participants pass once their address is confirmed,
/// they are approved and bound by the current terms version. The API turns the answer into a problem, the pages into a message.
/// </summary>
public static class ParticipationRule
{
    /// <summary>What keeps the person of <paramref name="sight"/> from downloading data or submitting, if anything.</summary>
    public static async Task<ParticipationBlock> BlockAsync(DataChallengeDbContext db, ChallengeSight sight, CancellationToken cancellationToken)
    {
        if (sight.IsOrganiser) return ParticipationBlock.None;
        if (sight.UserId is not { } userId) return ParticipationBlock.NotJoined;
        if (!await IsAddressConfirmedAsync(db, userId, cancellationToken)) return ParticipationBlock.AddressUnconfirmed;
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.ChallengeId == sight.Challenge.Id && p.UserId == userId, cancellationToken);
        return BlockFor(sight.Challenge, participant, isOrganiser: false);
    }

    public static Task<bool> IsAddressConfirmedAsync(DataChallengeDbContext db, Guid userId, CancellationToken cancellationToken)
        => db.Users.AnyAsync(u => u.Id == userId && u.EmailConfirmed, cancellationToken);

    public static ParticipationBlock BlockFor(Challenge challenge, Participant? participant, bool isOrganiser)
    {
        if (isOrganiser) return ParticipationBlock.None;
        if (participant is null) return ParticipationBlock.NotJoined;
        return participant.Status switch
        {
            ParticipantStatus.Pending => ParticipationBlock.PendingApproval,
            ParticipantStatus.Denied => ParticipationBlock.Denied,
            _ when participant.AcceptedTermsVersion < challenge.TermsVersion => ParticipationBlock.TermsOutdated,
            _ => ParticipationBlock.None,
        };
    }
}
