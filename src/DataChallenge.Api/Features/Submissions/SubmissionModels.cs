using System.Text.Json;
using DataChallenge.Contracts;
using DataChallenge.Core.Submissions;

namespace DataChallenge.Api.Features.Submissions;

/// <summary>A submission as its team sees it. Private-split scores are never part of it.</summary>
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
    IReadOnlyDictionary<string, double?>? Metrics)
{
    public static SubmissionResponse From(Submission s) => new(
        s.Id, s.PhaseId, s.TeamId, s.FileName, s.SizeBytes, s.Sha256, s.Status.ToString(), s.ReceivedAt, s.FinishedAt,
        // A platform failure's reason is for organisers; the competitor gets a fixed sentence.
        s.Status == SubmissionStatus.Failed ? "The platform could not score this file. It does not count against your quota." : s.Message,
        s.PrimaryMetric, s.PublicScore, s.IntervalLower, s.IntervalUpper, PublicMetrics(s.ScoresJson));

    private static Dictionary<string, double?>? PublicMetrics(string? scoresJson)
    {
        if (scoresJson is null) return null;
        var scores = JsonSerializer.Deserialize<List<MetricScore>>(scoresJson) ?? [];
        var split = scores.Any(s => s.Split == "public") ? "public" : "all";
        return scores.Where(s => s.Split == split).ToDictionary(s => s.Metric, s => s.Value);
    }
}
