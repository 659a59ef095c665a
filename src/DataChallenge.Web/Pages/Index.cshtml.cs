using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Pages;

public sealed class IndexModel(DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock) : PageModel
{
    public ILookup<Timing, Challenge> ByTiming { get; private set; } = Enumerable.Empty<Challenge>().ToLookup(_ => Timing.Open);

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var all = await db.Challenges.AsNoTracking().Include(c => c.Phases).OrderBy(c => c.Title).ToListAsync(cancellationToken);
        // Drafts and unlisted challenges never appear here, whoever reads: the list is the same for everyone.
        ByTiming = all.Where(challenges.IsListed).ToLookup(c => PhaseTiming.Of(c, Now));
    }
}
