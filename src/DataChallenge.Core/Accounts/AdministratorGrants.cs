using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Accounts;

public enum AdministratorChangeOutcome
{
    Done,

    /// <summary>No account has confirmed this address: a role must not go to whoever registered someone else's address.</summary>
    NoConfirmedAccount,

    /// <summary>Administrators do not revoke themselves, so at least one administrator (the one acting) always remains.</summary>
    Self,

    /// <summary>The address is listed in <c>Platform:Administrators</c>; only the configuration removes it.</summary>
    Configured,
}

/// <summary>One administrator as another sees it.</summary>
public sealed record AdministratorLine(Guid UserId, string? Email, bool Granted, bool Configured);

/// <summary>
/// An administrator grants or revokes the role of another account by its address, through the API or the pages; each
/// change is kept as an <see cref="AdministratorChange"/> line. The server's <c>admin grant</c> command stays the way in
/// for the first one.
/// </summary>
public static class AdministratorGrants
{
    public static async Task<AdministratorChangeOutcome> ChangeAsync(DataChallengeDbContext db, PlatformOptions platform, Guid actorId, string email, bool grant,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var target = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed)
            .Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(cancellationToken);
        if (target is null) return AdministratorChangeOutcome.NoConfirmedAccount;
        if (!grant && target.Id == actorId) return AdministratorChangeOutcome.Self;
        if (!grant && platform.IsAdministrator(target.Email)) return AdministratorChangeOutcome.Configured;

        // The change and its audit line commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AdministratorChanges.Add(new AdministratorChange { ActorId = actorId, UserId = target.Id, Action = grant ? "granted" : "revoked", At = now });
        await db.SaveChangesAsync(cancellationToken);
        if (grant) await PlatformAdministrators.GrantAsync(db, target.Email!, cancellationToken);
        else await PlatformAdministrators.RevokeAsync(db, target.Email!, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdministratorChangeOutcome.Done;
    }

    /// <summary>Accounts holding the role, and confirmed accounts listed in the configuration.</summary>
    public static async Task<List<AdministratorLine>> ListAsync(DataChallengeDbContext db, PlatformOptions platform, CancellationToken cancellationToken)
    {
        var role = PlatformAdministrators.Role.ToUpperInvariant();
        var granted = await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == role)).Select(ur => ur.UserId)
            .ToListAsync(cancellationToken);
        var listed = platform.Administrators.Select(a => a.Trim().ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking().Where(u => granted.Contains(u.Id) || (u.EmailConfirmed && listed.Contains(u.NormalizedEmail!)))
            .Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        return users.Select(u => new AdministratorLine(u.Id, u.Email, granted.Contains(u.Id), platform.IsAdministrator(u.Email)))
            .OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
