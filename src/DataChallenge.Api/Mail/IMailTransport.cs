using MimeKit;

namespace DataChallenge.Api.Mail;

/// <summary>Where a composed message goes: an SMTP server, or a folder of files. A failure throws, so the job retries.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
