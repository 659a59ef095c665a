using System.Security.Claims;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Web.Reading;

/// <summary>A challenge a page may show, and what the reader is to it.</summary>
public sealed record PageSight(Challenge Challenge, ChallengeRole Role, Guid? UserId)
{
    public bool IsOrganiser => Role is ChallengeRole.Owner or ChallengeRole.Collaborator;
}

/// <summary>
/// The pages' door to challenges, applying <see cref="ChallengeSightRule"/> exactly as the API's lookup does: what the
/// reader may not see answers like a missing page.
/// </summary>
public sealed class PageChallenges(DataChallengeDbContext db, IOptions<PlatformOptions> platform)
{
    private bool ApprovalRequired => platform.Value.RequireChallengeApproval;

    public async Task<PageSight?> BySlugAsync(string slug, ClaimsPrincipal user, string? key, CancellationToken cancellationToken)
        => await SightAsync(await db.Challenges.AsNoTracking().Include(c => c.Phases).FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken),
            user, key, cancellationToken);

    public async Task<(PageSight Sight, Phase Phase)?> ByPhaseAsync(Guid phaseId, ClaimsPrincipal user, string? key, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().Include(p => p.Challenge).FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase?.Challenge is null) return null;
        return await SightAsync(phase.Challenge, user, key, cancellationToken) is { } sight ? (sight, phase) : null;
    }

    public bool IsListed(Challenge challenge) => ChallengeSightRule.IsListed(challenge, ApprovalRequired);

    /// <summary>What keeps the reader from downloading data or submitting, if anything.</summary>
    public async Task<ParticipationBlock> BlockAsync(PageSight sight, CancellationToken cancellationToken)
    {
        var participant = sight.UserId is { } userId
            ? await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.ChallengeId == sight.Challenge.Id && p.UserId == userId, cancellationToken)
            : null;
        return ParticipationRule.BlockFor(sight.Challenge, participant, sight.IsOrganiser);
    }

    private async Task<PageSight?> SightAsync(Challenge? challenge, ClaimsPrincipal user, string? key, CancellationToken cancellationToken)
    {
        if (challenge is null) return null;
        var userId = user.IdOrNull();
        var role = await db.RoleInAsync(challenge.Id, userId, cancellationToken);
        return ChallengeSightRule.MaySee(challenge, role, key, ApprovalRequired) ? new PageSight(challenge, role, userId) : null;
    }
}
