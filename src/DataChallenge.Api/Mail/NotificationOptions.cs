namespace DataChallenge.Api.Mail;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// An outcome that arrives later than this after its upload is mailed: whoever waited that long at a screen or a
    /// <c>--wait</c> prompt has seen it already, anyone else has moved on.
    /// </summary>
    public TimeSpan OutcomeMailAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How far back the job looks for events to mail about; older ones are not worth a mail anymore.</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A phase's closing reminder goes out this long before its end.</summary>
    public TimeSpan ClosingReminder { get; set; } = TimeSpan.FromHours(24);
}
