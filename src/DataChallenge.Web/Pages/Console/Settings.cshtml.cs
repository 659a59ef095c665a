using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DataChallenge.Web.Pages.Console;

/// <summary>
/// A challenge's settings (title, visibility, approval, team size) and its terms versions, for its organisers. The rules
/// are those of <c>PUT /api/challenges/{slug}</c> and <c>POST /api/challenges/{slug}/terms</c> (Core's <see cref="ChallengeSettings"/>).
/// </summary>
public sealed class SettingsModel(DataChallengeDbContext db, TimeProvider clock, IStringLocalizer<Resources.SharedResource> text) : PageModel
{
    public Challenge Current { get; private set; } = null!;

    [BindProperty]
    public SettingsForm Form { get; set; } = new();

    [BindProperty]
    public string? Terms { get; set; }

    public string SecretLink => $"/challenges/{Current.Slug}?key={Uri.EscapeDataString(Current.AccessKey)}";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        Form = new SettingsForm
        {
            Title = Current.Title, Visibility = ChallengeSettings.VisibilityName(Current.Visibility), RequiresApproval = Current.RequiresApproval,
            MaxTeamSize = Current.MaxTeamSize,
        };
        Terms = await db.ChallengeTerms.AsNoTracking().Where(t => t.ChallengeId == Current.Id && t.Version == Current.TermsVersion)
            .Select(t => t.Text).FirstOrDefaultAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        ModelState.Remove(nameof(Terms));
        var change = new ChallengeChange(Form.Title ?? "", null, Form.Visibility ?? "", Form.RequiresApproval, Form.MaxTeamSize);
        if (ChallengeSettings.Check(change) is { } problem) ModelState.AddModelError($"Form.{problem.Field}", text[problem.Message]);
        if (!ModelState.IsValid) return Refused();

        var challenge = await db.Challenges.FirstAsync(c => c.Id == Current.Id, cancellationToken);
        ChallengeSettings.Apply(db, challenge, change, User.IdOrNull(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/console/{slug}/settings");
    }

    public async Task<IActionResult> OnPostTermsAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        // The settings form is not part of this post; its fields are shown as stored.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Form.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        Form = new SettingsForm
        {
            Title = Current.Title, Visibility = ChallengeSettings.VisibilityName(Current.Visibility), RequiresApproval = Current.RequiresApproval,
            MaxTeamSize = Current.MaxTeamSize,
        };
        if (ChallengeSettings.CheckTerms(Terms) is { } problem)
        {
            ModelState.AddModelError(nameof(Terms), text[problem.Message]);
            return Refused();
        }

        var challenge = await db.Challenges.FirstAsync(c => c.Id == Current.Id, cancellationToken);
        ChallengeSettings.PublishTerms(db, challenge, Terms!, User.IdOrNull(), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The (challenge, version) key: another organiser published the same version first.
            ModelState.AddModelError(nameof(Terms), text["Another terms version was published at the same moment; reload and publish again."]);
            return Refused();
        }
        return Redirect($"/console/{slug}/settings#terms");
    }

    private PageResult Refused()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>Loads the challenge for its organisers only; to anyone else it does not exist.</summary>
    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (challenge is null || !await db.IsOrganiserAsync(challenge.Id, User.IdOrNull(), cancellationToken)) return false;
        Current = challenge;
        return true;
    }

    public sealed class SettingsForm
    {
        public string? Title { get; set; }
        public string? Visibility { get; set; }
        public bool RequiresApproval { get; set; }
        public int? MaxTeamSize { get; set; }
    }
}
