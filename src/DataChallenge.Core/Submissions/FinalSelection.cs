using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Submissions;

public enum FinalsOutcome
{
    Saved,
    PhaseClosed,
    TooMany,

    /// <summary>Another team's submission, or one of another phase, is treated like a missing one.</summary>
    UnknownSubmission,

    /// <summary>Only scored, valid, non-baseline submissions can be final.</summary>
    NotEligible,
}

/// <param name="Chosen">What the team chose; empty when it chose nothing.</param>
/// <param name="Effective">What the private board uses: the chosen ones, or by default the team's best public ones.</param>
public sealed record Finals(Guid PhaseId, int MaxFinalSubmissions, IReadOnlyList<Guid> Chosen, IReadOnlyList<Guid> Effective, bool Defaulted);

/// <summary>A team's choice of the submissions the private board ranks, shared by the finals endpoint and the submit page.</summary>
public static class FinalSelection
{
    public static bool IsEligible(Submission submission)
        => SubmissionLifecycle.CountsOnBoard(submission.Status) && submission.InvalidatedAt is null && !submission.IsBaseline;

    public static async Task<FinalsOutcome> ChooseAsync(DataChallengeDbContext db, Phase phase, Guid teamId, IEnumerable<Guid> submissionIds,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (phase.IsRevealed || (phase.ClosesAt is { } closesAt && now >= closesAt)) return FinalsOutcome.PhaseClosed;
        var ids = submissionIds.Distinct().ToList();
        if (ids.Count > phase.MaxFinalSubmissions) return FinalsOutcome.TooMany;

        var chosen = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id) && s.PhaseId == phase.Id && s.TeamId == teamId).ToListAsync(cancellationToken);
        if (chosen.Count != ids.Count) return FinalsOutcome.UnknownSubmission;
        if (!chosen.All(IsEligible)) return FinalsOutcome.NotEligible;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Submissions.Where(s => s.PhaseId == phase.Id && s.TeamId == teamId && s.IsFinal)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.IsFinal, false), cancellationToken);
        if (ids.Count > 0)
            await db.Submissions.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(set => set.SetProperty(s => s.IsFinal, true), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return FinalsOutcome.Saved;
    }

    /// <param name="higherIsBetter">Whether a metric ranks higher scores first (the scoring library knows; Core does not).</param>
    public static async Task<Finals> ReadAsync(DataChallengeDbContext db, Phase phase, Guid teamId, Func<string, bool> higherIsBetter,
        CancellationToken cancellationToken)
    {
        var scored = await db.Submissions.AsNoTracking()
            .Where(SubmissionLifecycle.OnBoardAnd(s => s.PhaseId == phase.Id && s.TeamId == teamId && s.InvalidatedAt == null && !s.IsBaseline))
            .Select(s => new { s.Id, s.IsFinal, s.PublicScore, s.PrimaryMetric, s.ReceivedAt })
            .ToListAsync(cancellationToken);
        var chosen = scored.Where(s => s.IsFinal).OrderBy(s => s.ReceivedAt).Select(s => s.Id).ToList();
        if (chosen.Count > 0) return new Finals(phase.Id, phase.MaxFinalSubmissions, chosen, chosen, Defaulted: false);

        // By default the team's best public submissions stand, as the private board takes them.
        var higher = scored.FirstOrDefault()?.PrimaryMetric is not { } metric || higherIsBetter(metric);
        var ranked = scored.Where(s => s.PublicScore is not null);
        var best = (higher ? ranked.OrderByDescending(s => s.PublicScore) : ranked.OrderBy(s => s.PublicScore))
            .ThenBy(s => s.ReceivedAt).Take(Math.Max(1, phase.MaxFinalSubmissions)).Select(s => s.Id).ToList();
        return new Finals(phase.Id, phase.MaxFinalSubmissions, [], best, Defaulted: true);
    }
}
