using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Pages.Console;

/// <summary>
/// A code phase as its organisers follow it: the hidden inputs versions (read by script from
/// <c>GET /api/phases/{id}/hidden-inputs/versions</c>, since the object store is the api's), and every run of the phase
/// with its log and a re-run button. To anyone but the challenge's organisers the page does not exist.
/// </summary>
public sealed class CodeRunsModel(DataChallengeDbContext db) : PageModel
{
    private const int MaxRuns = 500;

    public Challenge Current { get; private set; } = null!;
    public Phase CodePhase { get; private set; } = null!;
    public IReadOnlyList<CodeRunLine> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, Guid phaseId, CancellationToken cancellationToken)
    {
        if (await OrganisedChallenge.FindAsync(db, slug, User, cancellationToken) is not { } challenge) return NotFound();
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId && p.ChallengeId == challenge.Id, cancellationToken);
        if (phase?.Code is null) return NotFound();
        Current = challenge;
        CodePhase = phase;
        var rows = await db.Submissions.AsNoTracking().Where(s => s.PhaseId == phase.Id)
            .Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => new { Submission = s, Team = t.Name })
            .ToListAsync(cancellationToken);
        Runs = rows.OrderByDescending(r => r.Submission.ReceivedAt).Take(MaxRuns).Select(r => new CodeRunLine(r.Submission, r.Team)).ToList();
        return Page();
    }

    /// <summary>A finished run may be run again, unless the private board is out: then its scores are final.</summary>
    public bool MayRerun(Submission run) => SubmissionLifecycle.Allows(run.Status, SubmissionTransition.Rerun) && !CodePhase.IsRevealed;

    public static string Duration(double? milliseconds)
        => milliseconds is { } ms ? (ms / 1000).ToString("0.0", System.Globalization.CultureInfo.CurrentCulture) + " s" : "–";

    public sealed record CodeRunLine(Submission Run, string Team);
}
