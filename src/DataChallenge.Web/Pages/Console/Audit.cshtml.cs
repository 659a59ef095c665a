using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DataChallenge.Web.Pages.Console;

/// <summary>A challenge's audit trail for its organisers, newest first, a page at a time.</summary>
public sealed class AuditModel(DataChallengeDbContext db) : PageModel
{
    public const int PageSize = 100;

    public Challenge Current { get; private set; } = null!;
    public IReadOnlyList<AuditLine> Lines { get; private set; } = [];

    /// <summary>The id to read on from for older lines; null on the last page.</summary>
    public long? Older { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, long? before, CancellationToken cancellationToken)
    {
        // As on the console itself, the trail of a challenge one does not organise does not exist.
        if (await OrganisedChallenge.FindAsync(db, slug, User, cancellationToken) is not { } challenge) return NotFound();
        Current = challenge;
        // One line more than shown tells whether an older page exists.
        var lines = await AuditLog.NewestFirstAsync(db, challenge.Id, before, PageSize + 1, cancellationToken);
        Lines = lines.Take(PageSize).ToList();
        Older = lines.Count > PageSize ? Lines[^1].Id : null;
        return Page();
    }
}
