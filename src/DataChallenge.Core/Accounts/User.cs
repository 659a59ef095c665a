using Microsoft.AspNetCore.Identity;

namespace DataChallenge.Core.Accounts;

/// <summary>A person with an account: competitor, organiser or both.</summary>
public sealed class User : IdentityUser<Guid>
{
    public User() => Id = Guid.NewGuid();

    public string DisplayName { get; set; } = "";
}
