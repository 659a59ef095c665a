using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Accounts;

/// <summary>
/// Platform administrators: accounts granted the <see cref="Role"/> role (by the server's <c>admin grant</c> command), and
/// addresses listed in <c>Platform:Administrators</c> once their account has confirmed them, so that whoever registers a
/// listed address first does not become an administrator by it.
/// </summary>
public static class PlatformAdministrators
{
    public const string Role = "Administrator";
    private static readonly string NormalizedRole = Role.ToUpperInvariant();

    public static async Task<bool> IsAdministratorAsync(DataChallengeDbContext db, PlatformOptions platform, Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.EmailConfirmed }).FirstOrDefaultAsync(cancellationToken);
        if (user is null) return false;
        if (user.EmailConfirmed && platform.IsAdministrator(user.Email)) return true;
        return await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == NormalizedRole), cancellationToken);
    }

    /// <returns>False when no account has the address.</returns>
    public static async Task<bool> GrantAsync(DataChallengeDbContext db, string email, CancellationToken cancellationToken)
    {
        if (await UserIdAsync(db, email, cancellationToken) is not { } userId) return false;
        var role = await db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == NormalizedRole, cancellationToken);
        if (role is null)
        {
            role = new IdentityRole<Guid> { Id = Guid.NewGuid(), Name = Role, NormalizedName = NormalizedRole, ConcurrencyStamp = Guid.NewGuid().ToString() };
            db.Roles.Add(role);
        }
        if (!await db.UserRoles.AnyAsync(ur => ur.UserId == userId && ur.RoleId == role.Id, cancellationToken))
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = role.Id });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <returns>False when no account has the address.</returns>
    public static async Task<bool> RevokeAsync(DataChallengeDbContext db, string email, CancellationToken cancellationToken)
    {
        if (await UserIdAsync(db, email, cancellationToken) is not { } userId) return false;
        await db.UserRoles.Where(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == NormalizedRole))
            .ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    private static async Task<Guid?> UserIdAsync(DataChallengeDbContext db, string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
