namespace DataChallenge.Core.CodePhases;

/// <summary>
/// Whether this installation runs competitors' code, and if not, why and how to turn it on: the pages of a code phase
/// say so plainly instead of leaving submissions queued for a worker that will never run them.
/// </summary>
public sealed record CodeRunHost(string? UnavailableReason)
{
    public bool CanRun => UnavailableReason is null;
}
