using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Pages;

public sealed class IndexModel(DataChallengeDbContext db, TimeProvider clock) : PageModel
{
    public ILookup<Timing, Challenge> ByTiming { get; private set; } = Enumerable.Empty<Challenge>().ToLookup(_ => Timing.Open);

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var challenges = await db.Challenges.AsNoTracking().Include(c => c.Phases).OrderBy(c => c.Title).ToListAsync(cancellationToken);
        ByTiming = challenges.ToLookup(c => PhaseTiming.Of(c, Now));
    }
}
