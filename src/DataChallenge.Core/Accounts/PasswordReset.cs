using Microsoft.AspNetCore.Identity;

namespace DataChallenge.Core.Accounts;

/// <summary>
/// Sets a new password from a mailed reset link, for the API and the pages alike. An unknown address, a used or expired
/// link and a mangled code all fail as one invalid token. Following the link proves the address, so it is confirmed too.
/// </summary>
public static class PasswordReset
{
    public static async Task<IdentityResult> ResetAsync(UserManager<User> users, string? email, string? code, string newPassword)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || AccountCodes.Decode(code) is not { } token) return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded || user.EmailConfirmed) return result;
        user.EmailConfirmed = true;
        return await users.UpdateAsync(user);
    }
}
