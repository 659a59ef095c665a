using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.PublicData;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DataChallenge.Web.Pages.Challenges;

public sealed class DetailsModel(DataChallengeDbContext db, TimeProvider clock, IStringLocalizer<Resources.SharedResource> text) : PageModel
{
    public Challenge Current { get; private set; } = null!;
    public IReadOnlyList<Phase> Phases { get; private set; } = [];
    public IReadOnlyList<PublicFile> Files { get; private set; } = [];
    public string? TeamName { get; private set; }
    public bool IsOrganiser { get; private set; }
    public DateTimeOffset Now { get; private set; }

    [BindProperty]
    public string? NewTeamName { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
        => await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    /// <summary>Joins as a team of one, named as the person asks or after their account; joining twice changes nothing.</summary>
    public async Task<IActionResult> OnPostJoinAsync(string slug, CancellationToken cancellationToken)
    {
        if (User.IdOrNull() is not { } userId) return Challenge(IdentityConstants.ApplicationScheme);
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (TeamName is not null) return RedirectToPage(new { slug });

        // Without a chosen name, the part of the address before the @: the board is public, the address is not.
        var name = (string.IsNullOrWhiteSpace(NewTeamName) ? (User.Identity?.Name ?? "team").Split('@')[0] : NewTeamName).Trim();
        if (name.Length == 0) name = "team";
        if (name.Length > 100) ModelState.AddModelError(nameof(NewTeamName), text["A team name has 1 to 100 characters."]);
        else if (await db.Teams.AnyAsync(t => t.ChallengeId == Current.Id && t.Name == name, cancellationToken))
            ModelState.AddModelError(nameof(NewTeamName), text["A team with this name already exists in this challenge."]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        var team = new Team { ChallengeId = Current.Id, Name = name, CreatedAt = now };
        db.Teams.Add(team);
        db.Participants.Add(new Participant { ChallengeId = Current.Id, UserId = userId, TeamId = team.Id, JoinedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique keys settled a race: a double click, or the same name taken meanwhile.
            ModelState.AddModelError(nameof(NewTeamName), text["You joined this challenge already, or that team name was just taken."]);
            return Page();
        }
        return RedirectToPage(new { slug });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().Include(c => c.Phases).FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (challenge is null) return false;
        Current = challenge;
        Now = clock.GetUtcNow();
        Phases = challenge.Phases.OrderBy(p => p.OpensAt).ToList();
        Files = await db.PublicFiles.AsNoTracking().Where(f => f.ChallengeId == challenge.Id).OrderBy(f => f.Name).ToListAsync(cancellationToken);
        var userId = User.IdOrNull();
        IsOrganiser = await db.IsOrganiserAsync(challenge.Id, userId, cancellationToken);
        if (await db.TeamOfAsync(challenge.Id, userId, cancellationToken) is { } teamId)
            TeamName = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).FirstAsync(cancellationToken);
        return true;
    }
}
