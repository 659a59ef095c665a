namespace DataChallenge.Core.Notifications;

/// <summary>What one notification mail is about; with the item's id and the reader it names one mail, sent at most once.</summary>
public enum NotificationTopic
{
    SubmissionOutcome,
    PhaseOpened,
    PhaseClosing,
    Reveal,
    Announcement,
}

public static class NotificationTopics
{
    /// <summary>The preference that lets a topic's mail through.</summary>
    public static NotificationKind Kind(this NotificationTopic topic) => topic switch
    {
        NotificationTopic.SubmissionOutcome => NotificationKind.SubmissionOutcomes,
        NotificationTopic.PhaseOpened or NotificationTopic.PhaseClosing => NotificationKind.Reminders,
        NotificationTopic.Reveal => NotificationKind.Reveal,
        NotificationTopic.Announcement => NotificationKind.Announcements,
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, null),
    };
}
