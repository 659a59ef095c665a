namespace DataChallenge.Worker;

/// <summary>How the worker scores beyond each phase's configuration.</summary>
public sealed class ScoringOptions
{
    public const string Section = "Scoring";

    /// <summary>Bootstrap resamples for the primary metric's 95 % interval; 0 turns intervals off.</summary>
    public int BootstrapResamples { get; set; } = 1000;

    /// <summary>
    /// How often a worker tells the platform it is still scoring a submission. Keep it well under the api's
    /// <c>Submissions:StuckAfter</c>: a submission whose lease goes unrenewed that long is dispatched again.
    /// </summary>
    public TimeSpan LeaseRenewEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Organiser programs this worker runs at once, on their own queue; each holds a sandbox for up to its wall clock.</summary>
    public int ProgramConcurrency { get; set; } = 2;

    /// <summary>Competitors' code runs this worker runs at once, on the run-code queue; each may take its whole wall clock.</summary>
    public int CodeRunConcurrency { get; set; } = 1;
}
