using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Challenges;

/// <summary>Who the caller is to a challenge. Every endpoint that takes an id asks here before answering.</summary>
public static class ChallengeAccess
{
    public static async Task<ChallengeRole> RoleInAsync(this DataChallengeDbContext db, Guid challengeId, Guid? userId,
        CancellationToken cancellationToken)
    {
        if (userId is null) return ChallengeRole.Anonymous;
        if (await db.Challenges.AnyAsync(c => c.Id == challengeId && c.OwnerId == userId, cancellationToken)) return ChallengeRole.Owner;
        if (await db.ChallengeCollaborators.AnyAsync(c => c.ChallengeId == challengeId && c.UserId == userId, cancellationToken))
            return ChallengeRole.Collaborator;
        return await db.Participants.AnyAsync(p => p.ChallengeId == challengeId && p.UserId == userId, cancellationToken)
            ? ChallengeRole.Participant
            : ChallengeRole.Outsider;
    }

    /// <summary>Owner or collaborator.</summary>
    public static async Task<bool> IsOrganiserAsync(this DataChallengeDbContext db, Guid challengeId, Guid? userId, CancellationToken cancellationToken)
        => await db.RoleInAsync(challengeId, userId, cancellationToken) is ChallengeRole.Owner or ChallengeRole.Collaborator;

    /// <summary>
    /// A phase with the caller's role in its challenge, or null when the phase is missing or its challenge is out of the
    /// caller's sight (<see cref="ChallengeSightRule"/>): both answer alike, so a phase id says nothing about a draft.
    /// </summary>
    public static async Task<(Phase Phase, ChallengeRole Role)?> PhaseInSightAsync(this DataChallengeDbContext db, Guid phaseId, Guid? userId, string? key,
        bool platformApprovalRequired, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.Include(p => p.Challenge).FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase?.Challenge is null) return null;
        var role = await db.RoleInAsync(phase.ChallengeId, userId, cancellationToken);
        return ChallengeSightRule.MaySee(phase.Challenge, role, key, platformApprovalRequired) ? (phase, role) : null;
    }

    /// <summary>The caller's team in the challenge, or null when the caller has not joined it.</summary>
    public static async Task<Guid?> TeamOfAsync(this DataChallengeDbContext db, Guid challengeId, Guid? userId, CancellationToken cancellationToken)
        => userId is null
            ? null
            : await db.Participants.Where(p => p.ChallengeId == challengeId && p.UserId == userId)
                .Select(p => (Guid?)p.TeamId).FirstOrDefaultAsync(cancellationToken);
}
