using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Audit;

/// <summary>An audit line as a reader sees it, with the actor's e-mail address when a person acted.</summary>
public sealed record AuditLine(long Id, DateTimeOffset At, Guid? ActorId, string? ActorEmail, string Action, string? Subject, string? Detail);

/// <summary>Reads a challenge's audit trail. Ids grow with every line, so they order it and mark the pages.</summary>
public static class AuditLog
{
    /// <summary>Lines after <paramref name="after"/>, oldest first: a follower reads on from the last id it saw.</summary>
    public static Task<List<AuditEntry>> OldestFirstAsync(DataChallengeDbContext db, Guid challengeId, long after, int limit, CancellationToken cancellationToken)
        => db.AuditEntries.AsNoTracking().Where(a => a.ChallengeId == challengeId && a.Id > after)
            .OrderBy(a => a.Id).Take(limit).ToListAsync(cancellationToken);

    /// <summary>Lines before <paramref name="before"/> (all when null), newest first: a person reads back in time.</summary>
    public static async Task<List<AuditLine>> NewestFirstAsync(DataChallengeDbContext db, Guid challengeId, long? before, int limit,
        CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.ChallengeId == challengeId);
        if (before is { } id) entries = entries.Where(a => a.Id < id);
        var page = await entries.OrderByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
        var actorIds = page.Where(a => a.ActorId is not null).Select(a => a.ActorId!.Value).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        return page.Select(a => new AuditLine(a.Id, a.At, a.ActorId, a.ActorId is { } actor ? emails.GetValueOrDefault(actor) : null,
            a.Action, a.Subject, a.Detail)).ToList();
    }
}
