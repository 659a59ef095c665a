namespace DataChallenge.Core.Accounts;

/// <summary>The mails an account receives about itself.</summary>
public enum AccountMailKind
{
    /// <summary>A link that confirms the address of a new account.</summary>
    Confirmation,

    /// <summary>A short-lived link that sets a new password.</summary>
    PasswordReset,

    /// <summary>Someone tried to register with an address that already has an account.</summary>
    RegistrationAttempt,

    /// <summary>A link, sent to a new address, that moves the account to it once followed.</summary>
    AddressChange,
}

/// <summary>
/// Queues a mail about the account of <c>address</c>, to be sent outside the request: a slow or failing mail server never
/// delays an answer, and an answer never depends on whether the address has an account.
/// </summary>
public interface IAccountMail
{
    /// <param name="language">The reader's language ("en", "fr") when the account has no preference of its own.</param>
    /// <param name="userId">For <see cref="AccountMailKind.AddressChange"/>: the account, which <paramref name="address"/> does not find yet.</param>
    void Queue(AccountMailKind kind, string address, string language, Guid? userId = null);
}
