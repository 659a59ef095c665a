using DataChallenge.Core.Challenges;

namespace DataChallenge.Web.Reading;

public enum Timing
{
    Upcoming,
    Open,
    Finished,
}

public static class PhaseTiming
{
    public static Timing Of(Phase phase, DateTimeOffset now)
        => now < phase.OpensAt ? Timing.Upcoming : phase.IsOpenAt(now) ? Timing.Open : Timing.Finished;

    /// <summary>Open while any phase is; upcoming while one is still to come (or none exists yet); finished otherwise.</summary>
    public static Timing Of(Challenge challenge, DateTimeOffset now)
    {
        var phases = challenge.Phases.Select(p => Of(p, now)).ToList();
        if (phases.Contains(Timing.Open)) return Timing.Open;
        return phases.Count == 0 || phases.Contains(Timing.Upcoming) ? Timing.Upcoming : Timing.Finished;
    }
}
