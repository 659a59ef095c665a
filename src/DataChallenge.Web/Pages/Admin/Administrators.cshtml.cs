using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DataChallenge.Web.Pages.Admin;

/// <summary>
/// Administrators grant and revoke the administrator role by address, with the rules of <c>/api/admin/administrators</c>
/// (Core's <see cref="AdministratorGrants"/>). To anyone else the page does not exist.
/// </summary>
public sealed class AdministratorsModel(DataChallengeDbContext db, IOptions<PlatformOptions> platform, TimeProvider clock,
    IStringLocalizer<Resources.SharedResource> text) : PageModel
{
    public IReadOnlyList<AdministratorLine> Administrators { get; private set; } = [];
    public Guid CurrentUserId { get; private set; }

    [BindProperty]
    public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
        => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken) => ChangeAsync(grant: true, cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken) => ChangeAsync(grant: false, cancellationToken);

    private async Task<IActionResult> ChangeAsync(bool grant, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var outcome = string.IsNullOrWhiteSpace(Email)
            ? AdministratorChangeOutcome.NoConfirmedAccount
            : await AdministratorGrants.ChangeAsync(db, platform.Value, CurrentUserId, Email, grant, clock.GetUtcNow(), cancellationToken);
        var refusal = outcome switch
        {
            AdministratorChangeOutcome.NoConfirmedAccount => "No account has confirmed this address.",
            AdministratorChangeOutcome.Self => "You cannot revoke your own administrator role; another administrator can.",
            AdministratorChangeOutcome.Configured => "This address is listed in the configuration; remove it there.",
            _ => null,
        };
        if (refusal is null) return Redirect("/admin/administrators");
        ModelState.AddModelError(nameof(Email), text[refusal]);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (User.IdOrNull() is not { } userId || !await PlatformAdministrators.IsAdministratorAsync(db, platform.Value, userId, cancellationToken)) return false;
        CurrentUserId = userId;
        Administrators = await AdministratorGrants.ListAsync(db, platform.Value, cancellationToken);
        return true;
    }
}
