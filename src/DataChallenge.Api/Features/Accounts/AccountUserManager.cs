using System.Globalization;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Accounts;

/// <summary>
/// Identity's user manager with two account rules. No lockout: failed sign-ins by anyone would lock the owner out too,
/// so guessing is slowed per client instead (<see cref="SignInAttempts"/>). A new password revokes every personal token,
/// since a token minted by whoever knew the old password must not outlive it.
/// </summary>
public sealed class AccountUserManager(IUserStore<User> store, IOptions<IdentityOptions> options, IPasswordHasher<User> hasher,
    IEnumerable<IUserValidator<User>> userValidators, IEnumerable<IPasswordValidator<User>> passwordValidators, ILookupNormalizer normalizer,
    IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<User>> logger, DataChallengeDbContext db)
    : UserManager<User>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override bool SupportsUserLockout => false;

    /// <summary>A new account keeps the language it registered in, for the mail it receives later.</summary>
    public override async Task<IdentityResult> CreateAsync(User user)
    {
        var result = await base.CreateAsync(user);
        return result.Succeeded ? await AddClaimAsync(user, AccountLanguage.ClaimFor(CultureInfo.CurrentUICulture)) : result;
    }

    public override async Task<IdentityResult> ChangePasswordAsync(User user, string currentPassword, string newPassword)
        => await RevokeTokensOnSuccessAsync(user, await base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override async Task<IdentityResult> ResetPasswordAsync(User user, string token, string newPassword)
        => await RevokeTokensOnSuccessAsync(user, await base.ResetPasswordAsync(user, token, newPassword));

    public override async Task<IdentityResult> RemovePasswordAsync(User user)
        => await RevokeTokensOnSuccessAsync(user, await base.RemovePasswordAsync(user));

    private async Task<IdentityResult> RevokeTokensOnSuccessAsync(User user, IdentityResult result)
    {
        if (result.Succeeded) await db.PersonalTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(CancellationToken);
        return result;
    }
}
