using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Pages.Phases;

/// <summary>One team's public story in a phase: its rank after each of the board's changes.</summary>
public sealed class TeamModel(DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock) : PageModel
{
    public Phase Phase { get; private set; } = null!;
    public Team Team { get; private set; } = null!;
    public IReadOnlyList<ChartPoint> Ranks { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid phaseId, Guid teamId, CancellationToken cancellationToken)
    {
        if (await challenges.ByPhaseAsync(phaseId, User, null, cancellationToken) is not var (sight, phase)) return NotFound();
        // A hidden or anonymised board names no team to the public, so neither does a team's page.
        if (!sight.IsOrganiser && (phase.BoardHidden || phase.AnonymiseTeams)) return NotFound();
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null || team.ChallengeId != phase.ChallengeId) return NotFound();
        Phase = phase;
        Team = team;
        Now = clock.GetUtcNow();
        // The direction the team's board entries were chosen by; higher is better while there are none.
        var higherIsBetter = await db.LeaderboardEntries.AsNoTracking().Where(e => e.PhaseId == phaseId)
            .Select(e => (bool?)e.HigherIsBetter).FirstOrDefaultAsync(cancellationToken) ?? true;
        Ranks = (await ScoreHistory.ReadAsync(db, phase, higherIsBetter, cancellationToken)).RankOf(teamId);
        return Page();
    }
}
