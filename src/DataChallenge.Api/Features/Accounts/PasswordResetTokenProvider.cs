using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Accounts;

/// <summary>
/// Reset links live minutes (<c>Accounts:PasswordReset:TokenLifespan</c>, 30 by default), not the day confirmation
/// links do. They work once: the token carries the security stamp, which the new password changes.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, IOptions<PasswordResetTokenOptions> options,
    ILogger<DataProtectorTokenProvider<User>> logger) : DataProtectorTokenProvider<User>(protection, options, logger)
{
    public const string ProviderName = "PasswordReset";
}

public sealed class PasswordResetTokenOptions : DataProtectionTokenProviderOptions
{
    public const string Section = "Accounts:PasswordReset";

    public PasswordResetTokenOptions()
    {
        Name = PasswordResetTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromMinutes(30);
    }
}
