using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Notifications;

public static class NotificationClaims
{
    /// <summary>True when this call inserted the marker, and so is the one to send the mail; false when someone else did.</summary>
    public static async Task<bool> TryClaimAsync(DataChallengeDbContext db, NotificationTopic topic, Guid itemId, Guid userId, Guid challengeId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marker = db.SentNotifications.Add(new SentNotification { Topic = topic, ItemId = itemId, UserId = userId, ChallengeId = challengeId, ClaimedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            // Nothing reads the marker again: left tracked, every later claim of a run would check all the earlier ones,
            // so mailing a challenge's participants would slow with the square of their number.
            marker.State = EntityState.Detached;
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique index settled a race with another run.
            marker.State = EntityState.Detached;
            return false;
        }
    }
}
