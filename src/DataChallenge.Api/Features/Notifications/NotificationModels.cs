using DataChallenge.Core.Notifications;

namespace DataChallenge.Api.Features.Notifications;

/// <summary>The mail a participant wants about one challenge, one switch per kind.</summary>
public sealed record NotificationPreferences(bool SubmissionOutcomes, bool Reminders, bool Reveal, bool Announcements)
{
    public static NotificationPreferences From(NotificationKind kinds) => new(kinds.HasFlag(NotificationKind.SubmissionOutcomes),
        kinds.HasFlag(NotificationKind.Reminders), kinds.HasFlag(NotificationKind.Reveal), kinds.HasFlag(NotificationKind.Announcements));

    public NotificationKind ToKinds()
        => (SubmissionOutcomes ? NotificationKind.SubmissionOutcomes : 0) | (Reminders ? NotificationKind.Reminders : 0)
            | (Reveal ? NotificationKind.Reveal : 0) | (Announcements ? NotificationKind.Announcements : 0);
}
