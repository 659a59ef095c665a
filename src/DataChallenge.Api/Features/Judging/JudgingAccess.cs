using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Judging;

/// <summary>Who the caller is to the phase or submission an endpoint acts on.</summary>
internal static class JudgingAccess
{
    public static async Task<(Phase? Phase, bool Organiser)> PhaseAsync(DataChallengeDbContext db, Guid phaseId, Guid userId, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        return phase is null ? (null, false) : (phase, await db.IsOrganiserAsync(phase.ChallengeId, userId, cancellationToken));
    }

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
