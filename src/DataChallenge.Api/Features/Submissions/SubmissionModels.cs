using System.Text.Json;
using System.Text.Json.Serialization;
using DataChallenge.Contracts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Submissions;

namespace DataChallenge.Api.Features.Submissions;

/// <summary>
/// A submission as its team sees it: public scores at the phase's precision. Private-split values appear only for
/// organisers or after the reveal; otherwise the fields are absent, not null.
/// </summary>
public sealed record SubmissionResponse(
    Guid Id,
    Guid PhaseId,
    Guid TeamId,
    string FileName,
    long SizeBytes,
    string Sha256,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? FinishedAt,
    string? Message,
    string? PrimaryMetric,
    double? Score,
    double? IntervalLower,
    double? IntervalUpper,
    IReadOnlyDictionary<string, double?>? Metrics,
    bool IsBaseline = false,
    bool IsFinal = false,
    bool Invalidated = false,
    string? InvalidReason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ScoreUndefinedReason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? PrivateScore = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double?>? PrivateMetrics = null)
{
    private const int DefaultDecimals = 4;

    public static SubmissionResponse From(Submission s) => From(s, DefaultDecimals, showPrivate: false);

    /// <summary>The submission as <paramref name="phase"/> allows: private values when <paramref name="mayReadPrivate"/> (organisers) or after the reveal.</summary>
    public static SubmissionResponse From(Submission s, Phase phase, bool mayReadPrivate)
        => From(s, phase.ScoreDecimals, mayReadPrivate || phase.IsRevealed);

    private static SubmissionResponse From(Submission s, int decimals, bool showPrivate)
    {
        var scores = s.ScoresJson is null ? null : JsonSerializer.Deserialize<List<MetricScore>>(s.ScoresJson) ?? [];
        var hasSplit = scores?.Any(m => m.Split == "public") == true;
        var shownSplit = hasSplit ? "public" : "all";
        return new SubmissionResponse(
            s.Id, s.PhaseId, s.TeamId, s.FileName, s.SizeBytes, s.Sha256, s.Status.ToString(), s.ReceivedAt, s.FinishedAt,
            // A platform failure's reason is for organisers; the competitor gets a fixed sentence.
            s.Status == SubmissionStatus.Failed ? "The platform could not score this file. It does not count against your quota." : s.Message,
            s.PrimaryMetric, Round(s.PublicScore, decimals), Round(s.IntervalLower, decimals), Round(s.IntervalUpper, decimals),
            Split(scores, shownSplit, decimals),
            s.IsBaseline, s.IsFinal, s.InvalidatedAt is not null, s.InvalidReason,
            scores?.FirstOrDefault(m => m.Split == shownSplit && m.Metric == s.PrimaryMetric)?.UndefinedReason,
            showPrivate && hasSplit ? Round(s.PrivateScore, decimals) : null,
            showPrivate && hasSplit ? Split(scores, "private", decimals) : null);
    }

    private static Dictionary<string, double?>? Split(List<MetricScore>? scores, string split, int decimals)
        => scores?.Where(m => m.Split == split).ToDictionary(m => m.Metric, m => Round(m.Value, decimals));

    private static double? Round(double? value, int decimals)
        => value is { } v && double.IsFinite(v) ? Math.Round(v, Math.Clamp(decimals, 0, 15), MidpointRounding.AwayFromZero) : value;
}
