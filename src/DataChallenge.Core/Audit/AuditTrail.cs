using DataChallenge.Core.Persistence;

namespace DataChallenge.Core.Audit;

/// <summary>Adds audit lines to the unit of work, so an action and its record commit together or not at all.</summary>
public static class AuditTrail
{
    public static void Record(this DataChallengeDbContext db, Guid challengeId, Guid? actorId, string action, string? subject,
        string? detail, DateTimeOffset at)
        => db.AuditEntries.Add(new AuditEntry
        {
            ChallengeId = challengeId, ActorId = actorId, Action = action, Subject = subject, Detail = detail, At = at,
        });
}
