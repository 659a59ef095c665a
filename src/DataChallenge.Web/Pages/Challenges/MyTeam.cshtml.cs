using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DataChallenge.Web.Pages.Challenges;

/// <summary>
/// The competitor's team in a challenge: its members and invite code, and forms to create, join or leave a team, through
/// the same <see cref="TeamMembership"/> rules as the team endpoints.
/// </summary>
public sealed class MyTeamModel(DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, IStringLocalizer<Resources.SharedResource> text)
    : PageModel
{
    public Challenge Current { get; private set; } = null!;

    /// <summary>Null when the reader has not joined the challenge.</summary>
    public TeamView? Team { get; private set; }

    /// <summary>What the last successful form did, carried through the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? InviteCode { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
        => await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCreateAsync(string slug, CancellationToken cancellationToken)
        => ChangeAsync(slug, "created", nameof(Name), userId => TeamMembership.CreateAsync(db, Current, userId, Name, clock.GetUtcNow(), cancellationToken),
            cancellationToken);

    public Task<IActionResult> OnPostJoinAsync(string slug, CancellationToken cancellationToken)
        => ChangeAsync(slug, "joined", nameof(InviteCode), userId => TeamMembership.JoinAsync(db, Current, userId, InviteCode, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostLeaveAsync(string slug, CancellationToken cancellationToken)
        => ChangeAsync(slug, "left", "", userId => TeamMembership.LeaveAsync(db, Current, userId, clock.GetUtcNow(), cancellationToken), cancellationToken);

    private async Task<IActionResult> ChangeAsync(string slug, string done, string field, Func<Guid, Task<TeamChange>> change, CancellationToken cancellationToken)
    {
        if (User.IdOrNull() is not { } userId || !await LoadAsync(slug, cancellationToken)) return NotFound();
        var result = await change(userId);
        if (result.Outcome is TeamOutcome.Done or TeamOutcome.AlreadyMember) return RedirectToPage(new { slug, done });
        ModelState.AddModelError(field, MessageFor(result));
        // The failed form may have been half-applied to the tracked rows; show what the database holds.
        db.ChangeTracker.Clear();
        await LoadAsync(slug, cancellationToken);
        return Page();
    }

    private string MessageFor(TeamChange change) => change.Outcome switch
    {
        TeamOutcome.NotParticipant => text["Join the challenge before forming a team."],
        TeamOutcome.InvalidName => text["A team name has 1 to {0} characters.", Core.Challenges.Team.MaxNameLength],
        TeamOutcome.NameTaken => text["A team with this name already exists in this challenge."],
        TeamOutcome.UnknownInviteCode => text["No team of this challenge has this invite code."],
        TeamOutcome.LockedIn => text["Your team has submitted already, so you cannot leave it."],
        TeamOutcome.TeamFull => text["This team is full: teams in this challenge have at most {0} members.", Current.MaxTeamSize ?? 0],
        TeamOutcome.OnlyMember => text["You are your team's only member; there is nothing to leave."],
        _ => text["The team changed at the same moment; try again."],
    };

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await challenges.BySlugAsync(slug, User, null, cancellationToken) is not { } sight) return false;
        Current = sight.Challenge;
        Team = await db.TeamOfAsync(Current.Id, sight.UserId, cancellationToken) is { } teamId
            ? await TeamMembership.ViewAsync(db, Current, teamId, cancellationToken)
            : null;
        return true;
    }
}
