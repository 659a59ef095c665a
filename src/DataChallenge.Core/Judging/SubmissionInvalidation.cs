using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;

namespace DataChallenge.Core.Judging;

public enum InvalidationOutcome
{
    Invalidated,
    AlreadyInvalid,
    ReasonMissing,
}

/// <summary>
/// An organiser takes a submission off every board for a rule breach. The reason is required because it is what the
/// team and the audit trail are shown; the caller has checked that the actor organises the phase's challenge.
/// </summary>
public static class SubmissionInvalidation
{
    public const int MaxReasonLength = 1000;

    /// <param name="submission">Tracked by <paramref name="db"/>: the change is saved with its audit line.</param>
    public static async Task<InvalidationOutcome> InvalidateAsync(DataChallengeDbContext db, Submission submission, Phase phase, Guid actorId,
        string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxReasonLength) return InvalidationOutcome.ReasonMissing;
        if (submission.InvalidatedAt is not null) return InvalidationOutcome.AlreadyInvalid;

        // The status stays what it was: an invalidated submission still used its quota slot.
        submission.InvalidatedAt = now;
        submission.InvalidReason = trimmed;
        submission.IsFinal = false;
        db.Record(phase.ChallengeId, actorId, "submission.invalidated", $"submission:{submission.Id}", trimmed, now);
        await db.SaveChangesAsync(cancellationToken);
        return InvalidationOutcome.Invalidated;
    }
}
