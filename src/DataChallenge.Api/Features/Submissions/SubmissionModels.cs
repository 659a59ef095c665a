using System.Text.Json;
using System.Text.Json.Serialization;
using DataChallenge.Contracts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Judging;
using DataChallenge.Core.Submissions;

namespace DataChallenge.Api.Features.Submissions;

/// <summary>
/// A submission as its team sees it: public scores at the phase's precision. Under the Ladder, a file that did not
/// clearly beat the team's shown score has <see cref="ScoreHeld"/> set and no public values. Private-split values appear
/// only for organisers or after the reveal; otherwise the fields are absent, not null. <see cref="IsFinished"/> tells a
/// client to stop following the submission, so no client needs to know the state names.
/// </summary>
public sealed record SubmissionResponse(
    Guid Id,
    Guid PhaseId,
    Guid TeamId,
    string FileName,
    long SizeBytes,
    string Sha256,
    string Status,
    bool IsFinished,
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
    bool ScoreHeld = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? PrivateScore = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double?>? PrivateMetrics = null,
    string? Note = null)
{
    /// <summary>The submission as organisers and judging actions show it: rounding only, private values included.</summary>
    public static SubmissionResponse From(Submission s, Phase phase, bool mayReadPrivate)
        => From(s, phase, ScoreDisclosure.Rounding(phase), mayReadPrivate);

    /// <summary>
    /// The submission as <paramref name="disclosure"/> lets its reader see it; private values when
    /// <paramref name="mayReadPrivate"/> (organisers) or after the reveal.
    /// </summary>
    public static SubmissionResponse From(Submission s, Phase phase, ScoreDisclosure disclosure, bool mayReadPrivate)
    {
        var showPrivate = mayReadPrivate || phase.IsRevealed;
        var held = disclosure.Holds(s);
        var scores = s.ScoresJson is null ? null : JsonSerializer.Deserialize<List<MetricScore>>(s.ScoresJson) ?? [];
        var hasSplit = scores?.Any(m => m.Split == "public") == true;
        var shownSplit = hasSplit ? "public" : "all";
        return new SubmissionResponse(
            s.Id, s.PhaseId, s.TeamId, s.FileName, s.SizeBytes, s.Sha256, s.Status.ToString(), SubmissionLifecycle.IsFinished(s.Status), s.ReceivedAt, s.FinishedAt,
            // A platform failure's reason is for organisers; the competitor gets a fixed sentence.
            s.Status == SubmissionStatus.Failed ? "The platform could not score this file. It does not count against your quota." : s.Message,
            s.PrimaryMetric, disclosure.PublicScore(s), held ? null : disclosure.Round(s.IntervalLower), held ? null : disclosure.Round(s.IntervalUpper),
            held ? null : Split(scores, shownSplit, disclosure),
            s.IsBaseline, s.IsFinal, s.InvalidatedAt is not null, s.InvalidReason,
            scores?.FirstOrDefault(m => m.Split == shownSplit && m.Metric == s.PrimaryMetric)?.UndefinedReason, held,
            showPrivate && hasSplit ? disclosure.Round(s.PrivateScore) : null,
            showPrivate && hasSplit ? Split(scores, "private", disclosure) : null,
            s.Note);
    }

    private static Dictionary<string, double?>? Split(List<MetricScore>? scores, string split, ScoreDisclosure disclosure)
        => scores?.Where(m => m.Split == split).ToDictionary(m => m.Metric, m => disclosure.Round(m.Value));
}
