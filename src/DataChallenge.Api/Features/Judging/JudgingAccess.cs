using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Judging;

/// <summary>Who the caller is to the phase or submission an endpoint acts on.</summary>
internal static class JudgingAccess
{
    /// <summary>The phase, or null when it is missing or its challenge is out of the caller's sight (a draft of someone else's: 404, not 403).</summary>
    public static async Task<(Phase? Phase, bool Organiser)> PhaseAsync(DataChallengeDbContext db, Guid phaseId, Guid userId, PlatformOptions platform,
        CancellationToken cancellationToken)
        => await db.PhaseInSightAsync(phaseId, userId, null, platform.RequireChallengeApproval, cancellationToken) is var (phase, role)
            ? (phase, role is ChallengeRole.Owner or ChallengeRole.Collaborator)
            : (null, false);

    /// <summary>The submission with its phase, when the caller may see it (its team or the organisers); otherwise nulls.</summary>
    public static async Task<(Submission? Submission, Phase? Phase, bool Organiser)> SubmissionAsync(DataChallengeDbContext db, Guid submissionId, Guid userId,
        CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null) return (null, null, false);
        var phase = await db.Phases.FirstAsync(p => p.Id == submission.PhaseId, cancellationToken);
        if (await db.IsOrganiserAsync(phase.ChallengeId, userId, cancellationToken)) return (submission, phase, true);
        return await db.TeamOfAsync(phase.ChallengeId, userId, cancellationToken) == submission.TeamId ? (submission, phase, false) : (null, null, false);
    }
}
