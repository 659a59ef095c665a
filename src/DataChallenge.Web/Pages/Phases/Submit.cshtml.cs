using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Pages.Phases;

/// <summary>
/// The competitor's page for one phase: the upload form (sent by script to the submissions API, with progress and
/// live status) and the team's own submissions with their public scores.
/// </summary>
public sealed class SubmitModel(DataChallengeDbContext db, PageChallenges challenges, TimeProvider clock) : PageModel
{
    public Phase Phase { get; private set; } = null!;
    public Challenge Current { get; private set; } = null!;
    public string? TeamName { get; private set; }
    public Timing Timing { get; private set; }
    public ParticipationBlock Block { get; private set; }
    public IReadOnlyList<Submission> Mine { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid phaseId, CancellationToken cancellationToken)
    {
        if (await challenges.ByPhaseAsync(phaseId, User, null, cancellationToken) is not var (sight, phase)) return NotFound();
        Phase = phase;
        Current = sight.Challenge;
        Timing = PhaseTiming.Of(phase, clock.GetUtcNow());
        Block = await challenges.BlockAsync(sight, cancellationToken);
        if (await db.TeamOfAsync(phase.ChallengeId, User.IdOrNull(), cancellationToken) is not { } teamId) return Page();
        TeamName = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).FirstAsync(cancellationToken);
        var mine = await db.Submissions.AsNoTracking().Where(s => s.PhaseId == phaseId && s.TeamId == teamId).ToListAsync(cancellationToken);
        Mine = mine.OrderByDescending(s => s.ReceivedAt).Take(200).ToList();
        return Page();
    }

    /// <summary>What the team may read of a submission's outcome: a platform failure's reason is for organisers.</summary>
    public static string? MessageFor(Submission submission)
        => submission.Status == SubmissionStatus.Failed ? null : submission.Message;
}
