namespace DataChallenge.Api.Jobs;

/// <summary>When an unfinished submission counts as stuck, and how often it is dispatched again before it fails.</summary>
public sealed class SubmissionRecoveryOptions
{
    public const string Section = "Submissions";

    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxAttempts { get; set; } = 3;
}
