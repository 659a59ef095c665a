using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace DataChallenge.Web.Pages.Account;

/// <summary>
/// Identity's sign-up errors (password rules, an address already registered) in the reader's language: Identity itself
/// only speaks English. The codes stay Identity's, so nothing that reads them changes.
/// </summary>
public sealed class LocalisedIdentityErrors(IStringLocalizer<Resources.SharedResource> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Say(base.DefaultError(), text["Something went wrong; try again."]);

    public override IdentityError DuplicateEmail(string email) => Say(base.DuplicateEmail(email), text["The address {0} is already registered.", email]);

    public override IdentityError DuplicateUserName(string userName)
        => Say(base.DuplicateUserName(userName), text["The address {0} is already registered.", userName]);

    public override IdentityError InvalidEmail(string? email) => Say(base.InvalidEmail(email), text["The address {0} is not valid.", email ?? ""]);

    public override IdentityError InvalidUserName(string? userName)
        => Say(base.InvalidUserName(userName), text["The address {0} is not valid.", userName ?? ""]);

    public override IdentityError PasswordTooShort(int length)
        => Say(base.PasswordTooShort(length), text["The password needs at least {0} characters.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars)
        => Say(base.PasswordRequiresUniqueChars(uniqueChars), text["The password needs at least {0} different characters.", uniqueChars]);

    public override IdentityError PasswordRequiresNonAlphanumeric()
        => Say(base.PasswordRequiresNonAlphanumeric(), text["The password needs a character that is neither a letter nor a digit."]);

    public override IdentityError PasswordRequiresDigit() => Say(base.PasswordRequiresDigit(), text["The password needs a digit."]);

    public override IdentityError PasswordRequiresLower() => Say(base.PasswordRequiresLower(), text["The password needs a lower-case letter."]);

    public override IdentityError PasswordRequiresUpper() => Say(base.PasswordRequiresUpper(), text["The password needs an upper-case letter."]);

    private static IdentityError Say(IdentityError error, string description) => new() { Code = error.Code, Description = description };
}
