using System.Text.Json;
using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring;

/// <summary>A phase's scoring configuration (snake_case JSON).</summary>
public sealed record ScoringConfig
{
    public required string TaskType { get; init; }
    public required string IdColumn { get; init; }
    public required IReadOnlyList<string> LabelColumns { get; init; }
    public required IReadOnlyList<string> PredictionColumns { get; init; }
    public IReadOnlyList<string>? Classes { get; init; }
    public double Threshold { get; init; } = 0.5;
    public IReadOnlyList<IReadOnlyList<double>>? CostMatrix { get; init; }
    public int? Height { get; init; }
    public int? Width { get; init; }
    public required IReadOnlyList<string> Metrics { get; init; }
    public required string PrimaryMetric { get; init; }
    public string? SplitColumn { get; init; }
    public string? GroupColumn { get; init; }

    /// <summary>Parses and checks a configuration document.</summary>
    /// <exception cref="ScoringConfigException">Unknown keys, unknown metrics, or metrics that do not fit the task.</exception>
    public static ScoringConfig Parse(string json)
    {
        var config = ScoringConfigReader.Read(json);
        config.Validate();
        return config;
    }

    /// <summary>Checks a configuration built in code; <see cref="Parse"/> already does this.</summary>
    /// <exception cref="ScoringConfigException">The configuration cannot be used to score.</exception>
    public void Validate() => ScoringConfigValidator.Validate(this);

    /// <summary>The configuration as the snake_case JSON document that <see cref="Parse"/> reads.</summary>
    public string ToJson() => ScoringConfigReader.Write(this);
}

/// <summary>A scoring configuration was refused; the message says why.</summary>
public sealed class ScoringConfigException(string message) : Exception(message);
