using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DataChallenge.Web.Pages.Account;

/// <summary>Asks for a reset link. The answer is the same whether or not the address has an account.</summary>
[EnableRateLimiting(RateLimitOptions.SignInPolicy)]
public sealed class ForgotPasswordModel(IAccountMail mail) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid) return Page();
        mail.Queue(AccountMailKind.PasswordReset, Email.Trim(), AccountLanguage.Of(CultureInfo.CurrentUICulture));
        Sent = true;
        return Page();
    }
}
