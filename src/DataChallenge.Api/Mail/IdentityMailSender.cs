using System.Globalization;
using DataChallenge.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DataChallenge.Api.Mail;

/// <summary>
/// Identity's endpoints (register, resend confirmation, a new address in manage/info) ask for mail here. Their links are
/// built from the request's Host header, so they are dropped: the queued job builds its own, on the public URL.
/// </summary>
public sealed class IdentityMailSender(IAccountMail mail) : IEmailSender<User>
{
    public Task SendConfirmationLinkAsync(User user, string email, string confirmationLink)
    {
        // Identity confirms a new address with the same call; the account is not found by that address until it moves.
        if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase)) return Queue(AccountMailKind.Confirmation, email);
        mail.Queue(AccountMailKind.AddressChange, email, AccountLanguage.Of(CultureInfo.CurrentUICulture), user.Id);
        return Task.CompletedTask;
    }

    public Task SendPasswordResetLinkAsync(User user, string email, string resetLink) => Queue(AccountMailKind.PasswordReset, email);

    public Task SendPasswordResetCodeAsync(User user, string email, string resetCode) => Queue(AccountMailKind.PasswordReset, email);

    private Task Queue(AccountMailKind kind, string email)
    {
        mail.Queue(kind, email, AccountLanguage.Of(CultureInfo.CurrentUICulture));
        return Task.CompletedTask;
    }
}
