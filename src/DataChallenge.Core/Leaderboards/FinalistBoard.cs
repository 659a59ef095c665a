using System.Globalization;
using System.Text.Json;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Leaderboards;

/// <summary>
/// The latest finalist comparison of a phase as the private board shows it: teams whose order the resamples do not
/// resolve share a place ("2–3"). Only those who may see the private board see it; callers check.
/// </summary>
public static class FinalistBoard
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static async Task<FinalistComparisonView?> LatestAsync(DataChallengeDbContext db, Guid phaseId, IReadOnlyDictionary<Guid, string> teamNames,
        CancellationToken cancellationToken)
    {
        var run = await db.FinalistComparisonRuns.AsNoTracking().Where(r => r.PhaseId == phaseId)
            .OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        return run is null ? null : View(run, teamNames);
    }

    public static FinalistComparisonView View(FinalistComparisonRun run, IReadOnlyDictionary<Guid, string> teamNames)
    {
        var outcome = run.ResultJson is null ? null : JsonSerializer.Deserialize<FinalistComparisonOutcome>(run.ResultJson);
        var standings = outcome?.Standings ?? [];
        var places = Places(standings);
        return new FinalistComparisonView(run.Id, run.Error is not null ? Failed : run.CompletedAt is null ? Running : Completed, run.Progress,
            run.RequestedAt, run.CompletedAt, run.Resamples, run.ResampledUnit, outcome?.Metric, outcome?.HigherIsBetter, run.Error,
            standings.Select((s, i) => new FinalistPlace(s.TeamId, teamNames.GetValueOrDefault(s.TeamId, "(unknown team)"), places[i].Place, places[i].Tied,
                s.Rank, s.Value, s.Lower, s.Upper, s.RankLower, s.RankUpper, s.ProbabilityBetterThanNext, s.TiedGroup)).ToList());
    }

    /// <summary>Each standing's place: its position alone, or the first and last position of its tied group ("2–3").</summary>
    public static IReadOnlyList<(string Place, bool Tied)> Places(IReadOnlyList<FinalistComparisonStanding> standings)
    {
        // Standings come best first and a tied group is a run of neighbours, so its positions are consecutive.
        var positions = standings.Select((s, i) => (s.TiedGroup, Position: i + 1)).GroupBy(p => p.TiedGroup)
            .ToDictionary(g => g.Key, g => (First: g.Min(p => p.Position), Last: g.Max(p => p.Position)));
        return standings.Select((s, i) => positions[s.TiedGroup] is var (first, last) && first < last
                ? ($"{first}–{last}", true)
                : ((i + 1).ToString(CultureInfo.InvariantCulture), false))
            .ToList();
    }
}

/// <summary>A finalist comparison as shown: its state, and when completed each finalist's place.</summary>
/// <param name="Status"><c>running</c>, <c>completed</c> or <c>failed</c>.</param>
/// <param name="Progress">Share of resamples done, 0 to 1.</param>
public sealed record FinalistComparisonView(Guid ComparisonId, string Status, double Progress, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt,
    int Resamples, string ResampledUnit, string? Metric, bool? HigherIsBetter, string? Error, IReadOnlyList<FinalistPlace> Standings);

/// <summary>One finalist as shown: a shared <see cref="Place"/> such as "2–3" when <see cref="Tied"/>.</summary>
/// <param name="Lower">Lower end of the value's 95 % interval over the paired resamples.</param>
/// <param name="RankLower">Best rank in the 95 % rank interval.</param>
/// <param name="ProbabilityBetterThanNext">Share of resamples where this team beats the next one; null for the last.</param>
public sealed record FinalistPlace(Guid TeamId, string Team, string Place, bool Tied, int Rank, double? Value, double? Lower, double? Upper, int RankLower,
    int RankUpper, double? ProbabilityBetterThanNext, int TiedGroup);
