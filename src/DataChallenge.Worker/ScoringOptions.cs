namespace DataChallenge.Worker;

/// <summary>How the worker scores beyond each phase's configuration.</summary>
public sealed class ScoringOptions
{
    public const string Section = "Scoring";

    /// <summary>Bootstrap resamples for the primary metric's 95 % interval; 0 turns intervals off.</summary>
    public int BootstrapResamples { get; set; } = 1000;
}
