namespace DataChallenge.Core.CodePhases;

/// <summary>What competitors send to a phase: prediction files, or code the platform runs next to the hidden inputs.</summary>
public enum PhaseKind
{
    Predictions,
    Code,
}
