using DataChallenge.Core.Challenges;
using DataChallenge.Scoring;

namespace DataChallenge.Web.Reading;

public static class PhaseRules
{
    /// <summary>The metric a phase ranks by, read from its scoring configuration.</summary>
    public static string PrimaryMetric(Phase phase)
    {
        try
        {
            return ScoringConfig.Parse(phase.ScoringConfig).PrimaryMetric;
        }
        catch (ScoringConfigException)
        {
            return "?";
        }
    }
}
