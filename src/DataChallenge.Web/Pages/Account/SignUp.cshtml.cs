using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DataChallenge.Web.Pages.Account;

[EnableRateLimiting(RateLimitOptions.SignInPolicy)]
public sealed class SignUpModel(UserManager<User> users, IAccountMail mail) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string ConfirmPassword { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = new User { UserName = Email, Email = Email, DisplayName = Email };
        var result = await users.CreateAsync(user, Password);
        // A taken address answers as a new one does, so the form never tells who has an account; its owner is told by mail.
        var taken = !result.Succeeded && result.Errors.All(e => e.Code is "DuplicateEmail" or "DuplicateUserName");
        if (!result.Succeeded && !taken)
        {
            // Identity's own messages are already in the reader's language when its describer is localised.
            foreach (var error in result.Errors) ModelState.AddModelError("", error.Description);
            return Page();
        }
        mail.Queue(taken ? AccountMailKind.RegistrationAttempt : AccountMailKind.Confirmation, Email, AccountLanguage.Of(CultureInfo.CurrentUICulture));
        return RedirectToPage("/Account/CheckMail");
    }
}
