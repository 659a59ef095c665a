using System.ComponentModel.DataAnnotations;
using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace DataChallenge.Web.Pages.Account;

/// <summary>The reset link of a mail lands here: a new password, once, within the link's lifetime.</summary>
[EnableRateLimiting(RateLimitOptions.SignInPolicy)]
public sealed class ResetPasswordModel(UserManager<User> users, IStringLocalizer<Resources.SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string ConfirmPassword { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await PasswordReset.ResetAsync(users, Email, Code, Password);
        foreach (var error in result.Errors)
            ModelState.AddModelError("", error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? text["This link is not valid any more: ask for a new one."] : error.Description);
        Done = result.Succeeded;
        return Page();
    }
}
