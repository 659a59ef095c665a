using DataChallenge.Api.Mail;
using DataChallenge.Core.Accounts;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Api.Jobs;

/// <summary>
/// Sends one account mail. Links and tokens are made here, when the mail leaves, so no token waits in the job store; the
/// request only queued the address. An unknown address sends nothing, which its request could not tell.
/// </summary>
public sealed class SendAccountMailJob(UserManager<User> users, AccountMailComposer composer, PublicLinks links, IMailTransport transport,
    ILogger<SendAccountMailJob> logger)
{
    // A mail server that is down delays mail, for up to a day and a half of retries; the job then waits among the failed ones.
    [AutomaticRetry(Attempts = 80, DelaysInSeconds = [5, 10, 20, 30, 60, 120, 300, 600, 1800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(AccountMailKind kind, string address, string language, Guid? userId, CancellationToken cancellationToken)
    {
        var user = kind == AccountMailKind.AddressChange ? await users.FindByIdAsync($"{userId}") : await users.FindByEmailAsync(address);
        if (user is null || (kind == AccountMailKind.Confirmation && user.EmailConfirmed)) return;
        var email = kind == AccountMailKind.AddressChange ? address : user.Email!;
        var link = kind switch
        {
            AccountMailKind.AddressChange => links.To($"/account/confirm?userId={user.Id}&changedEmail={Uri.EscapeDataString(address)}"
                + $"&code={AccountCodes.Encode(await users.GenerateChangeEmailTokenAsync(user, address))}"),
            AccountMailKind.Confirmation => links.To($"/account/confirm?userId={user.Id}&code={AccountCodes.Encode(await users.GenerateEmailConfirmationTokenAsync(user))}"),
            AccountMailKind.PasswordReset => links.To($"/account/reset-password?email={Uri.EscapeDataString(email)}&code={AccountCodes.Encode(await users.GeneratePasswordResetTokenAsync(user))}"),
            _ => links.To("/account/forgot-password"),
        };
        var preferred = (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == AccountLanguage.ClaimType)?.Value;
        try
        {
            await transport.SendAsync(composer.Compose(kind, preferred ?? language, email, link), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "A {Kind} mail could not be sent; it stays queued and is retried", kind);
            throw;
        }
    }
}
