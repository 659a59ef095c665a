using DataChallenge.Contracts;

namespace DataChallenge.Worker.Scoring;

/// <summary>
/// What scoring one submission came to, whichever scored it (the library or an organiser's program). The consumer
/// turns it into exactly one result message, so both ways out carry the same fields.
/// </summary>
public abstract record ScoringOutcome
{
    private ScoringOutcome()
    {
    }

    /// <summary>
    /// Scores on every split; <paramref name="EstimateInterval"/> asks for the primary metric's bootstrap interval;
    /// <paramref name="Groups"/> holds the per-group values when the configuration names a group column.
    /// </summary>
    public sealed record Scored(string PrimaryMetric, bool HigherIsBetter, IReadOnlyList<MetricScore> Scores, string ScorerVersion, bool EstimateInterval,
        IReadOnlyList<GroupScore>? Groups = null) : ScoringOutcome;

    /// <summary>The competitor's file is at fault; the reason is theirs to read.</summary>
    public sealed record Rejected(string Reason) : ScoringOutcome;

    /// <summary>
    /// The platform or the organiser is at fault. <paramref name="ProgramOutput"/> is what a program printed, which may
    /// quote hidden labels: it joins the organiser-only reason, never the worker's log.
    /// </summary>
    public sealed record Failed(string Reason, string? ProgramOutput = null) : ScoringOutcome;
}
