using System.Runtime.CompilerServices;
using System.Security.Claims;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace DataChallenge.Core.Challenges;

/// <summary>A challenge the caller may see, and what the caller is to it.</summary>
public sealed record ChallengeSight(Challenge Challenge, ChallengeRole Role, Guid? UserId)
{
    public bool IsOrganiser => Role is ChallengeRole.Owner or ChallengeRole.Collaborator;
}

/// <summary>
/// Finds a challenge only when the caller may see it (<see cref="ChallengeSightRule"/>): drafts for their organisers,
/// unlisted ones through their secret key or for their participants, public ones for all. Everything else answers like
/// a missing challenge. The API's endpoints, the pages and the board endpoints all ask here.
/// </summary>
public sealed class ChallengeLookup(DataChallengeDbContext db, IOptions<PlatformOptions> platform)
{
    private bool ApprovalRequired => platform.Value.RequireChallengeApproval;

    public async Task<ChallengeSight?> BySlugAsync(string slug, ClaimsPrincipal user, string? key, CancellationToken cancellationToken)
        => await SightAsync(await db.Challenges.FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken), user, key, cancellationToken);

    public async Task<ChallengeSight?> ByIdAsync(Guid challengeId, ClaimsPrincipal user, string? key, CancellationToken cancellationToken)
        => await SightAsync(await db.Challenges.FirstOrDefaultAsync(c => c.Id == challengeId, cancellationToken), user, key, cancellationToken);

    /// <summary>A phase with its challenge, for reading: a phase id says no more about a hidden challenge than a slug does.</summary>
    public async Task<(ChallengeSight Sight, Phase Phase)?> ByPhaseAsync(Guid phaseId, ClaimsPrincipal user, string? key, CancellationToken cancellationToken)
    {
        var phase = await PhaseWithChallenge(db)(db, phaseId, cancellationToken);
        if (phase?.Challenge is null) return null;
        return await SightAsync(phase.Challenge, user, key, cancellationToken) is { } sight ? (sight, phase) : null;
    }

    /// <summary>Whether a challenge appears in the public list.</summary>
    public bool IsListed(Challenge challenge) => ChallengeSightRule.IsListed(challenge, ApprovalRequired);

    public static Guid? UserIdOf(ClaimsPrincipal user)
        => Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    // Every board read asks for its phase here, hundreds of times a second: compiled once, the query skips building and
    // matching its expression tree on each call. A compiled query belongs to one model, and a process may hold several
    // (one per kind of database), so each model gets its own.
    private static readonly ConditionalWeakTable<IModel, Func<DataChallengeDbContext, Guid, CancellationToken, Task<Phase?>>> PhaseQueries = new();

    private static Func<DataChallengeDbContext, Guid, CancellationToken, Task<Phase?>> PhaseWithChallenge(DataChallengeDbContext db)
        => PhaseQueries.GetValue(db.Model, static _ => EF.CompileAsyncQuery((DataChallengeDbContext context, Guid phaseId, CancellationToken _) =>
            context.Phases.AsNoTracking().Include(p => p.Challenge).FirstOrDefault(p => p.Id == phaseId)));

    private async Task<ChallengeSight?> SightAsync(Challenge? challenge, ClaimsPrincipal user, string? key, CancellationToken cancellationToken)
    {
        if (challenge is null) return null;
        var userId = UserIdOf(user);
        var role = await db.RoleInAsync(challenge.Id, userId, cancellationToken);
        return ChallengeSightRule.MaySee(challenge, role, key, ApprovalRequired) ? new ChallengeSight(challenge, role, userId) : null;
    }
}
