using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring;

/// <summary>Which metrics exist, which task types they fit, and which direction is better; read from the one metric registry.</summary>
public static class MetricCatalog
{
    /// <summary>The metrics a task type accepts, aliases included.</summary>
    public static IReadOnlyList<string> MetricsFor(string taskType) => MetricRegistry.NamesFor(taskType);

    /// <summary>True when the name is a metric of any task type.</summary>
    public static bool IsKnown(string metric) => MetricRegistry.Find(metric) is not null;

    /// <summary>True when the metric fits the task type.</summary>
    public static bool Fits(string taskType, string metric) => MetricTable.Supports(taskType, metric);

    /// <summary>True when a larger value is better (scores), false for losses and errors; true for names it does not know.</summary>
    public static bool HigherIsBetter(string metric) => MetricRegistry.Find(metric)?.HigherIsBetter ?? true;

    /// <summary>The metric's canonical name (<c>tissuenet_score</c> is <c>cost_matrix_score</c>).</summary>
    public static string Canonical(string metric) => MetricRegistry.Find(metric)?.Canonical ?? metric;
}
