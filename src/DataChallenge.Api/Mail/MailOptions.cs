using MailKit.Security;

namespace DataChallenge.Api.Mail;

/// <summary>The <c>Mail</c> configuration section. Without <c>Mail:Smtp:Host</c>, mail is written as files instead of sent.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>StartTls by default: a server that offers no TLS is refused rather than sent passwords in clear.</summary>
    public SecureSocketOptions Tls { get; set; } = SecureSocketOptions.StartTls;

    public string? User { get; set; }
    public string? Password { get; set; }
    public string Sender { get; set; } = "DataChallenge <no-reply@localhost>";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
