using DataChallenge.Core.Challenges;
using DataChallenge.Core.Notifications;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Pages.Challenges;

/// <summary>A participant chooses the mail they get about one challenge. Someone not registered finds no such page.</summary>
[Authorize]
public sealed class NotificationsModel(DataChallengeDbContext db, ChallengeLookup challenges) : PageModel
{
    public Challenge Current { get; private set; } = null!;

    /// <summary>The kinds ticked in the form; on GET, the ones in force.</summary>
    [BindProperty]
    public List<NotificationKind> Kinds { get; set; } = [];

    public bool Saved { get; private set; }

    public static readonly NotificationKind[] Offered =
        [NotificationKind.SubmissionOutcomes, NotificationKind.Reminders, NotificationKind.Reveal, NotificationKind.Announcements];

    public async Task<IActionResult> OnGetAsync(string slug, bool saved, CancellationToken cancellationToken)
    {
        if (await RegistrationAsync(slug, cancellationToken) is not { } participant) return NotFound();
        Kinds = Offered.Where(k => participant.Notifications.HasFlag(k)).ToList();
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await RegistrationAsync(slug, cancellationToken) is not { } participant) return NotFound();
        participant.Notifications = Kinds.Where(Offered.Contains).Aggregate(NotificationKind.None, (all, kind) => all | kind);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { slug, saved = true });
    }

    private async Task<Participant?> RegistrationAsync(string slug, CancellationToken cancellationToken)
    {
        if (await challenges.BySlugAsync(slug, User, null, cancellationToken) is not { } sight) return null;
        Current = sight.Challenge;
        var userId = User.IdOrNull();
        return await db.Participants.FirstOrDefaultAsync(p => p.ChallengeId == Current.Id && p.UserId == userId, cancellationToken);
    }
}
