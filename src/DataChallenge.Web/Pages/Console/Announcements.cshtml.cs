using DataChallenge.Core.Challenges;
using DataChallenge.Core.Notifications;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Pages.Console;

/// <summary>Organisers write announcements here and see those already sent; the notification job mails them.</summary>
public sealed class AnnouncementsModel(DataChallengeDbContext db, TimeProvider clock) : PageModel
{
    public Challenge Current { get; private set; } = null!;
    public IReadOnlyList<Announcement> Sent { get; private set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
        => await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (AnnouncementPublishing.Check(Title, Body) is { } invalid)
        {
            ModelState.AddModelError(nameof(Body), invalid);
            return Page();
        }
        await AnnouncementPublishing.PublishAsync(db, Current.Id, User.IdOrNull()!.Value, Title!, Body!, clock.GetUtcNow(), cancellationToken);
        return RedirectToPage(new { slug });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        // As on the console itself, a challenge one does not organise does not exist.
        if (challenge is null || !await db.IsOrganiserAsync(challenge.Id, User.IdOrNull(), cancellationToken)) return false;
        Current = challenge;
        Sent = await AnnouncementReading.NewestFirstAsync(db, challenge.Id, cancellationToken);
        return true;
    }
}
