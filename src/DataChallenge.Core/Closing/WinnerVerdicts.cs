using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Closing;

/// <summary>A verdict the organisers give one candidate team when they publish the final ranking.</summary>
public sealed record TeamVerdict(Guid TeamId, ClosingVerdict Verdict, string? Reason);

/// <summary>
/// The closing workflow's rules: candidates are marked only after the reveal, a disqualification says why, and the
/// verdicts become public together, once. Every step writes its audit line in the same unit of work.
/// </summary>
public static class WinnerVerdicts
{
    public const int MaxReasonLength = 500;

    /// <summary>The published verdicts of a phase by team, empty until the organisers publish.</summary>
    public static Task<Dictionary<Guid, WinnerCandidate>> PublishedAsync(DataChallengeDbContext db, Guid phaseId, CancellationToken cancellationToken)
        => db.WinnerCandidates.AsNoTracking().Where(c => c.PhaseId == phaseId && c.PublishedAt != null).ToDictionaryAsync(c => c.TeamId, cancellationToken);

    /// <summary>Marks a team (or moves its deadline); null when the team is not one of the phase's challenge.</summary>
    public static async Task<WinnerCandidate?> MarkAsync(DataChallengeDbContext db, Phase phase, Guid teamId, DateTimeOffset deadline, Guid actorId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId && t.ChallengeId == phase.ChallengeId, cancellationToken)) return null;
        var candidate = await db.WinnerCandidates.FirstOrDefaultAsync(c => c.PhaseId == phase.Id && c.TeamId == teamId, cancellationToken);
        if (candidate is null)
        {
            candidate = new WinnerCandidate { ChallengeId = phase.ChallengeId, PhaseId = phase.Id, TeamId = teamId, MarkedAt = now };
            db.WinnerCandidates.Add(candidate);
        }
        candidate.Deadline = deadline;
        db.Record(phase.ChallengeId, actorId, "closing.candidate-marked", $"team:{teamId}", $"phase {phase.Id}; documents due {deadline:O}", now);
        await db.SaveChangesAsync(cancellationToken);
        return candidate;
    }

    /// <summary>Why the verdicts cannot be published as given, or null when they can.</summary>
    public static string? Refusal(IReadOnlyCollection<WinnerCandidate> candidates, IReadOnlyCollection<TeamVerdict> verdicts)
    {
        if (candidates.Count == 0) return "Mark candidate winners before publishing the final ranking.";
        if (candidates.Any(c => c.PublishedAt is not null)) return "The final ranking of this phase is already published.";
        var given = verdicts.Select(v => v.TeamId).ToHashSet();
        if (given.Count != verdicts.Count || !given.SetEquals(candidates.Select(c => c.TeamId)))
            return "Give exactly one verdict for every candidate team.";
        if (verdicts.Any(v => v.Verdict == ClosingVerdict.Pending)) return "A verdict is verified, not verified or disqualified.";
        if (verdicts.Any(v => v.Verdict == ClosingVerdict.Disqualified && string.IsNullOrWhiteSpace(v.Reason)))
            return "A disqualification states its reason.";
        return verdicts.Any(v => v.Reason?.Length > MaxReasonLength) ? $"A reason has at most {MaxReasonLength} characters." : null;
    }

    public static async Task PublishAsync(DataChallengeDbContext db, IReadOnlyCollection<WinnerCandidate> candidates, IReadOnlyCollection<TeamVerdict> verdicts,
        Guid actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var candidate in candidates)
        {
            var verdict = verdicts.First(v => v.TeamId == candidate.TeamId);
            candidate.Verdict = verdict.Verdict;
            candidate.Reason = string.IsNullOrWhiteSpace(verdict.Reason) ? null : verdict.Reason.Trim();
            candidate.PublishedAt = now;
            db.Record(candidate.ChallengeId, actorId, "closing.verdict-published", $"team:{candidate.TeamId}",
                candidate.Reason is null ? $"{candidate.Verdict}" : $"{candidate.Verdict}: {candidate.Reason}", now);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
