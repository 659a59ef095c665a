namespace DataChallenge.Core.Notifications;

/// <summary>The kinds of mail a participant can take or leave, per challenge. Stored as flags on the registration.</summary>
[Flags]
public enum NotificationKind
{
    None = 0,

    /// <summary>A submission was scored, rejected or failed, and its author was not waiting for the answer.</summary>
    SubmissionOutcomes = 1,

    /// <summary>A phase opened, or closes within a day.</summary>
    Reminders = 2,

    /// <summary>A phase's private leaderboard was revealed.</summary>
    Reveal = 4,

    /// <summary>The organisers published an announcement.</summary>
    Announcements = 8,
}

public static class NotificationKinds
{
    /// <summary>What a new registration receives: mail about one's own work and deadlines; news and reveals are asked for.</summary>
    public const NotificationKind OnJoin = NotificationKind.SubmissionOutcomes | NotificationKind.Reminders;

    public const NotificationKind All = NotificationKind.SubmissionOutcomes | NotificationKind.Reminders | NotificationKind.Reveal | NotificationKind.Announcements;

    /// <summary>Exactly one known kind: what an unsubscribe link may name.</summary>
    public static bool IsSingle(NotificationKind kind) => kind != NotificationKind.None && (kind & All) == kind && (kind & (kind - 1)) == 0;
}
