using DataChallenge.Core.Challenges;
using DataChallenge.Core.CodePhases;
using DataChallenge.Core.Judging;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Scoring;
using DataChallenge.Web.Reading;
using DataChallenge.Web.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DataChallenge.Web.Pages.Phases;

/// <summary>
/// The competitor's page for one phase: the quota left, the upload form (sent by script to the submissions API, with
/// progress and live status; without script the API sends the browser back here), and the team's own submissions with
/// their public scores and the choice of final ones.
/// </summary>
public sealed class SubmitModel(DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, IStringLocalizer<Resources.SharedResource> text)
    : PageModel
{
    public Phase Phase { get; private set; } = null!;
    public Challenge Current { get; private set; } = null!;
    public string? TeamName { get; private set; }
    public Timing Timing { get; private set; }
    public ParticipationBlock Block { get; private set; }
    public IReadOnlyList<Submission> Mine { get; private set; } = [];
    public QuotaUse? Quota { get; private set; }
    public Finals? Finals { get; private set; }
    public DateTimeOffset Now { get; private set; }

    /// <summary>The team's run minutes and smoke runs used today, on a code phase.</summary>
    public ComputeQuota? CodeQuota { get; private set; }

    /// <summary>What the team may read of its public scores: the phase's precision and Ladder.</summary>
    public ScoreDisclosure Disclosure { get; private set; } = null!;

    /// <summary>The upload a script-less form post just made, shown until it has an outcome.</summary>
    public Submission? Landed { get; private set; }

    [BindProperty(SupportsGet = true, Name = "submission")]
    public Guid? LandedId { get; set; }

    /// <summary>The status code of a refused script-less upload; the page says why in the reader's language.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Refused { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty]
    public List<Guid> FinalIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid phaseId, CancellationToken cancellationToken)
        => await LoadAsync(phaseId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFinalsAsync(Guid phaseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(phaseId, cancellationToken)) return NotFound();
        if (await db.TeamOfAsync(Phase.ChallengeId, User.IdOrNull(), cancellationToken) is not { } teamId) return Forbid();
        var outcome = await FinalSelection.ChooseAsync(db, Phase, teamId, FinalIds, clock.GetUtcNow(), cancellationToken);
        if (outcome == FinalsOutcome.Saved) return RedirectToPage(new { phaseId, saved = true });
        ModelState.AddModelError(nameof(FinalIds), outcome switch
        {
            FinalsOutcome.TooMany => text["You chose {0} submissions; choose at most {1} final submissions.", FinalIds.Distinct().Count(), Phase.MaxFinalSubmissions],
            FinalsOutcome.PhaseClosed => text["This phase is closed; the final submissions are fixed."],
            _ => text["Only scored, valid submissions can be final."],
        });
        return Page();
    }

    /// <summary>What the team may read of a submission's outcome: a platform failure's reason is for organisers.</summary>
    public static string? MessageFor(Submission submission)
        => submission.Status == SubmissionStatus.Failed ? null : submission.Message;

    /// <summary>A scored file's public score as the team may read it; the Ladder's held files say so instead.</summary>
    public string ShownScore(Submission submission)
        => Disclosure.Holds(submission) ? text["No clear improvement"] : Display.Score(Disclosure.PublicScore(submission), Disclosure.Decimals);

    public static bool IsPending(Submission submission) => SubmissionLifecycle.IsUnfinished(submission.Status);

    private async Task<bool> LoadAsync(Guid phaseId, CancellationToken cancellationToken)
    {
        if (await challenges.ByPhaseAsync(phaseId, User, null, cancellationToken) is not var (sight, phase)) return false;
        Phase = phase;
        Current = sight.Challenge;
        Now = clock.GetUtcNow();
        Timing = PhaseTiming.Of(phase, Now);
        Block = await db.BlockAsync(sight, cancellationToken);
        Disclosure = ScoreDisclosure.Rounding(phase);
        if (await db.TeamOfAsync(phase.ChallengeId, User.IdOrNull(), cancellationToken) is not { } teamId) return true;
        Disclosure = await ScoreDisclosure.ForTeamAsync(db, phase, teamId, MetricCatalog.HigherIsBetter, cancellationToken);
        TeamName = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).FirstAsync(cancellationToken);
        var mine = await db.Submissions.AsNoTracking().Where(s => s.PhaseId == phaseId && s.TeamId == teamId).ToListAsync(cancellationToken);
        Mine = mine.OrderByDescending(s => s.ReceivedAt).Take(200).ToList();
        Landed = LandedId is { } id ? mine.FirstOrDefault(s => s.Id == id) : null;
        Quota = await QuotaUse.ReadAsync(db, phaseId, teamId, Now, cancellationToken);
        if (phase.Code is { } code) CodeQuota = await ComputeQuota.ReadAsync(db, phaseId, code, teamId, Now, cancellationToken);
        Finals = await FinalSelection.ReadAsync(db, phase, teamId, MetricCatalog.HigherIsBetter, cancellationToken);
        return true;
    }
}
