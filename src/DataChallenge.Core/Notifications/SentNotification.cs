namespace DataChallenge.Core.Notifications;

/// <summary>
/// The marker of one notification mail: a unique row per (topic, item, reader). Whoever inserts it sends the mail, so a
/// job that runs twice, or on two servers, mails each person once.
/// </summary>
public sealed class SentNotification
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public NotificationTopic Topic { get; init; }

    /// <summary>The phase, submission or announcement the mail is about.</summary>
    public Guid ItemId { get; init; }

    public Guid UserId { get; init; }
    public Guid ChallengeId { get; init; }
    public DateTimeOffset ClaimedAt { get; init; }
}
