namespace DataChallenge.Api.Features.FinalistComparisons;

/// <summary>How long a finalist comparison may go without a progress report before it counts as stuck.</summary>
public sealed class FinalistComparisonOptions
{
    public const string Section = "FinalistComparisons";

    /// <summary>The worker reports every 5 %; a run silent this long lost its worker and is failed, so it can be started again.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(10);
}
