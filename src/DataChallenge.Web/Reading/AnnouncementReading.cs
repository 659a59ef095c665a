using DataChallenge.Core.Notifications;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Reading;

public static class AnnouncementReading
{
    /// <summary>A challenge's announcements, newest first.</summary>
    public static async Task<IReadOnlyList<Announcement>> NewestFirstAsync(DataChallengeDbContext db, Guid challengeId, CancellationToken cancellationToken)
        // Sorted here: SQLite stores the instants as ticks.
        => (await db.Announcements.AsNoTracking().Where(a => a.ChallengeId == challengeId).ToListAsync(cancellationToken))
            .OrderByDescending(a => a.PublishedAt).ToList();
}
