using System.ComponentModel.DataAnnotations;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DataChallenge.Web.Pages.Console;

/// <summary>The organiser's challenges, and the form that creates one; the creator becomes its organiser.</summary>
public sealed class IndexModel(DataChallengeDbContext db, TimeProvider clock, IStringLocalizer<Resources.SharedResource> text) : PageModel
{
    public IReadOnlyList<Challenge> Mine { get; private set; } = [];

    [BindProperty, Required(ErrorMessage = "Enter a short name for the address."),
     RegularExpression("^[a-z0-9][a-z0-9-]{2,63}$", ErrorMessage = "Use 3 to 64 lower-case letters, digits and dashes, starting with a letter or digit.")]
    public string Slug { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter a title."), StringLength(200, ErrorMessage = "The title has at most 200 characters.")]
    public string Title { get; set; } = "";

    [BindProperty]
    public string? Description { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await db.Challenges.AnyAsync(c => c.Slug == Slug, cancellationToken))
            ModelState.AddModelError(nameof(Slug), text["A challenge with this address already exists."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        db.Challenges.Add(new Challenge
        {
            Slug = Slug, Title = Title.Trim(), Description = Description ?? "", OwnerId = User.IdOrNull()!.Value, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/console/{Slug}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.IdOrNull();
        Mine = await db.Challenges.AsNoTracking().Where(c => c.OwnerId == userId).OrderBy(c => c.Title).ToListAsync(cancellationToken);
    }
}
