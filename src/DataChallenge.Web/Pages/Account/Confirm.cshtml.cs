using System.Globalization;
using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DataChallenge.Web.Pages.Account;

/// <summary>The confirmation link of a registration mail lands here; a signed-in person whose link expired asks for another.</summary>
[EnableRateLimiting(RateLimitOptions.SignInPolicy)]
public sealed class ConfirmModel(UserManager<User> users, IAccountMail mail) : PageModel
{
    public bool Confirmed { get; private set; }
    public bool Resent { get; private set; }

    /// <param name="changedEmail">Set when the link confirms a new address for the account, which then moves to it.</param>
    public async Task<IActionResult> OnGetAsync(Guid? userId, string? code, string? changedEmail)
    {
        if (userId is null) return Page();
        var user = await users.FindByIdAsync(userId.Value.ToString());
        Confirmed = user is not null && AccountCodes.Decode(code) is { } token && (string.IsNullOrEmpty(changedEmail)
            ? (await users.ConfirmEmailAsync(user, token)).Succeeded
            : (await users.ChangeEmailAsync(user, changedEmail, token)).Succeeded && (await users.SetUserNameAsync(user, changedEmail)).Succeeded);
        if (!Confirmed) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync()
    {
        if (await users.GetUserAsync(User) is not { Email: { } email }) return Challenge(IdentityConstants.ApplicationScheme);
        mail.Queue(AccountMailKind.Confirmation, email, AccountLanguage.Of(CultureInfo.CurrentUICulture));
        Resent = true;
        return Page();
    }
}
