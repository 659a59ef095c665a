using System.Linq.Expressions;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Judging;

/// <summary>
/// What a competitor may read of public scores, for every channel (API, pages, charts, CLI): values rounded to the
/// phase's <c>scoreDecimals</c>, and under the Ladder only the scores that moved the team's shown score. Exact values on
/// each upload let a team probe the public labels one row at a time; organisers read raw values elsewhere.
/// </summary>
public sealed class ScoreDisclosure
{
    private readonly HashSet<Guid>? _shown;

    private ScoreDisclosure(int decimals, HashSet<Guid>? shown)
    {
        Decimals = decimals;
        _shown = shown;
    }

    public int Decimals { get; }

    /// <summary>The submissions that stand for a team on the public board: scored, valid, not baselines.</summary>
    public static readonly Expression<Func<Submission, bool>> Ranked
        = SubmissionLifecycle.OnBoardAnd(s => s.PublicScore != null && !s.IsBaseline && s.InvalidatedAt == null);

    /// <summary>Rounding only, for readers the Ladder does not concern (a submission not yet scored, organisers).</summary>
    public static ScoreDisclosure Rounding(Phase phase) => new(phase.ScoreDecimals, null);

    /// <summary>What one team may read of its own submissions to <paramref name="phase"/>.</summary>
    /// <param name="higherIsBetter">Whether a metric ranks higher scores first (the scoring library knows; Core does not).</param>
    public static async Task<ScoreDisclosure> ForTeamAsync(DataChallengeDbContext db, Phase phase, Guid teamId, Func<string, bool> higherIsBetter,
        CancellationToken cancellationToken)
    {
        if (phase.LadderMargin is not { } margin) return Rounding(phase);
        var ranked = await db.Submissions.AsNoTracking().Where(s => s.PhaseId == phase.Id && s.TeamId == teamId).Where(Ranked)
            .Select(s => new { s.Id, Score = s.PublicScore!.Value, s.ReceivedAt, s.PrimaryMetric })
            .ToListAsync(cancellationToken);
        var better = ranked.Count == 0 || higherIsBetter(ranked[0].PrimaryMetric ?? "");
        // Sorted here: SQLite stores the instants as ticks.
        var steps = LadderSteps(ranked.OrderBy(r => r.ReceivedAt), r => r.Score, better, margin);
        return new(phase.ScoreDecimals, steps.Select(r => r.Id).ToHashSet());
    }

    /// <summary>True when the Ladder keeps this scored submission's public values from its team.</summary>
    public bool Holds(Submission submission) => _shown is not null && SubmissionLifecycle.CountsOnBoard(submission.Status) && !_shown.Contains(submission.Id);

    /// <summary>The submission's public primary score as its team may read it; null when undefined or held.</summary>
    public double? PublicScore(Submission submission) => Holds(submission) ? null : Round(submission.PublicScore);

    public double? Round(double? value) => Round(value, Decimals);

    public static double? Round(double? value, int decimals)
        => value is { } v && double.IsFinite(v) ? Math.Round(v, Math.Clamp(decimals, 0, 15), MidpointRounding.AwayFromZero) : value;

    /// <summary>
    /// Blum and Hardt's Ladder: replaying a team's submissions in order of receipt, the ones that became its shown
    /// score, each beating the one before by more than <paramref name="margin"/>. Probing with small variations moves
    /// nothing, so it reveals nothing.
    /// </summary>
    public static IEnumerable<T> LadderSteps<T>(IEnumerable<T> byReceipt, Func<T, double> score, bool higherIsBetter, double margin)
    {
        double? shown = null;
        foreach (var candidate in byReceipt)
        {
            var value = score(candidate);
            if (shown is { } current && !(higherIsBetter ? value > current + margin : value < current - margin)) continue;
            shown = value;
            yield return candidate;
        }
    }

    /// <summary>A team's submissions whose public score its competitors may see move: every one, or the Ladder's steps.</summary>
    public static IEnumerable<T> Visible<T>(IEnumerable<T> byReceipt, Func<T, double> score, bool higherIsBetter, double? margin)
        => margin is { } m ? LadderSteps(byReceipt, score, higherIsBetter, m) : byReceipt;
}
