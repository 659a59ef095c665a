namespace DataChallenge.Api.Jobs;

/// <summary>When an unfinished submission counts as stuck, how often it is dispatched again before it fails, and when an orphan file goes.</summary>
public sealed class SubmissionRecoveryOptions
{
    public const string Section = "Submissions";

    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxAttempts { get; set; } = 3;

    /// <summary>Age after which a stored prediction file with no submission row is deleted.</summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromHours(1);
}
