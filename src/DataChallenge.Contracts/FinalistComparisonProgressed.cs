namespace DataChallenge.Contracts;

/// <summary>How far a finalist comparison has got, reported about every 5 % so organisers see it move.</summary>
public sealed record FinalistComparisonProgressed
{
    public required Guid ComparisonId { get; init; }
    public required Guid PhaseId { get; init; }

    /// <summary>Share of resamples done, 0 to 1.</summary>
    public required double Fraction { get; init; }
}
