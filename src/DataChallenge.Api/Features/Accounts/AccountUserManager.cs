using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Accounts;

/// <summary>
/// Identity's user manager with our account rule. No lockout: failed sign-ins by anyone would lock the owner out too,
/// so guessing is slowed per client instead (<see cref="SignInAttempts"/>).
/// </summary>
public sealed class AccountUserManager(IUserStore<User> store, IOptions<IdentityOptions> options, IPasswordHasher<User> hasher,
    IEnumerable<IUserValidator<User>> userValidators, IEnumerable<IPasswordValidator<User>> passwordValidators, ILookupNormalizer normalizer,
    IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<User>> logger)
    : UserManager<User>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override bool SupportsUserLockout => false;
}
