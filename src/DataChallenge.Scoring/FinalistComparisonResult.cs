namespace DataChallenge.Scoring;

/// <summary>The paired comparison of finalists: their standings, best first, and the groups whose order is unresolved.</summary>
public sealed record FinalistComparisonResult
{
    /// <summary>The metric compared.</summary>
    public required string Metric { get; init; }

    /// <summary>True when a larger value of the metric is better.</summary>
    public required bool HigherIsBetter { get; init; }

    /// <summary>Resamples drawn; each team's interval counts those where its value was defined.</summary>
    public required int Resamples { get; init; }

    /// <summary>"rows" or "groups": what each resample drew with replacement.</summary>
    public required string ResampledUnit { get; init; }

    /// <summary>Every team, best value first (undefined values last, then input order).</summary>
    public required IReadOnlyList<FinalistStanding> Standings { get; init; }

    /// <summary>
    /// Consecutive teams whose order is not resolved, in standing order; every team is in exactly one group, and a
    /// group of one is a team whose place is resolved against both neighbours. See <see cref="FinalistComparison"/>.
    /// </summary>
    public required IReadOnlyList<IReadOnlyList<string>> TiedGroups { get; init; }
}

/// <summary>One finalist's place.</summary>
/// <param name="Team">The team, as given.</param>
/// <param name="Rank">1-based place by the value on all compared rows.</param>
/// <param name="Value">The metric on all compared rows.</param>
/// <param name="Interval">95 % percentile interval of the value over the paired resamples.</param>
/// <param name="RankLower">2.5th percentile of the team's rank across resamples (1 = first).</param>
/// <param name="RankUpper">97.5th percentile of the team's rank across resamples.</param>
/// <param name="ProbabilityBetterThanNext">
/// Share of resamples where this team beats the next one in the standings (ties count half); null for the last team.
/// </param>
/// <param name="TiedGroup">0-based index of the team's group in <see cref="FinalistComparisonResult.TiedGroups"/>.</param>
public sealed record FinalistStanding(string Team, int Rank, MetricResult Value, ConfidenceInterval? Interval, int RankLower, int RankUpper,
    double? ProbabilityBetterThanNext, int TiedGroup);
