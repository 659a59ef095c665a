using System.ComponentModel.DataAnnotations;
using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace DataChallenge.Web.Pages.Account;

[EnableRateLimiting(RateLimitOptions.SignInPolicy)]
public sealed class SignInModel(SignInManager<User> signIn, SignInAttempts attempts, IStringLocalizer<Resources.SharedResource> text) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (!attempts.TryAttempt(Email, HttpContext.Connection.RemoteIpAddress?.ToString(), out _))
        {
            ModelState.AddModelError("", text["Too many failed attempts; try again in a few minutes."]);
            return Page();
        }
        // The application cookie, not a bearer token: pages are read by the browser itself.
        var result = await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", result.IsLockedOut
            ? text["Too many failed attempts; try again in a few minutes."]
            : text["The email or password is not right."]);
        return Page();
    }
}
