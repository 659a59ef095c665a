using MimeKit;

namespace DataChallenge.Api.Mail;

/// <summary>The envelope every mail of the platform shares: our sender, one reader, its language, text and HTML of the same words.</summary>
internal static class MailMessages
{
    public static MimeMessage Create(MailOptions mail, string address, string language, string subject, string text, string html)
    {
        var message = new MimeMessage { Subject = subject, Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse(mail.Smtp.Sender));
        message.To.Add(MailboxAddress.Parse(address));
        message.Headers.Add(HeaderId.ContentLanguage, language);
        return message;
    }
}
