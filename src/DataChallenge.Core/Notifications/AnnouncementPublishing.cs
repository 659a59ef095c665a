using DataChallenge.Core.Audit;
using DataChallenge.Core.Persistence;

namespace DataChallenge.Core.Notifications;

/// <summary>Publishing an announcement, shared by the API and the console: checked the same way, with its audit line.</summary>
public static class AnnouncementPublishing
{
    /// <summary>What is wrong with a title and body, or null when they may be published.</summary>
    public static string? Check(string? title, string? body)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > Announcement.MaxTitleLength)
            return $"An announcement needs a title of 1 to {Announcement.MaxTitleLength} characters.";
        if (string.IsNullOrWhiteSpace(body) || body.Length > Announcement.MaxBodyLength)
            return $"An announcement needs a text of 1 to {Announcement.MaxBodyLength} characters.";
        return null;
    }

    /// <summary>Saves an announcement already <see cref="Check"/>ed; the notification job mails it to those who want it.</summary>
    public static async Task<Announcement> PublishAsync(DataChallengeDbContext db, Guid challengeId, Guid authorId, string title, string body, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var announcement = new Announcement { ChallengeId = challengeId, AuthorId = authorId, Title = title.Trim(), Body = body, PublishedAt = now };
        db.Announcements.Add(announcement);
        db.Record(challengeId, authorId, "announcement.published", $"announcement:{announcement.Id}", announcement.Title, now);
        await db.SaveChangesAsync(cancellationToken);
        return announcement;
    }
}
