using System.Text.Encodings.Web;
using MimeKit;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Mail;

/// <summary>
/// Builds a notification mail: plain text and HTML, a link to the challenge, and a one-click unsubscribe link for its
/// kind, also in the <c>List-Unsubscribe</c> headers (RFC 2369, RFC 8058) so mail readers offer their own button.
/// </summary>
public sealed class NotificationMailComposer(IOptions<MailOptions> mail)
{
    public MimeMessage Compose(NotificationMail notification, string language, string address, Uri unsubscribe)
    {
        var words = NotificationMailTexts.Footer(language);
        var html = HtmlEncoder.Default;
        var text = string.Join("\n\n", notification.Paragraphs);
        var htmlParagraphs = notification.HtmlBody ?? string.Concat(notification.Paragraphs.Select(p => $"<p>{html.Encode(p)}</p>"));
        var message = MailMessages.Create(mail.Value, address, language, notification.Subject,
            $"{text}\n\n{notification.Link}\n\n{words.Unsubscribe}\n{unsubscribe}\n",
            $"<!DOCTYPE html><html lang=\"{language}\"><body>{htmlParagraphs}"
            + $"<p><a href=\"{html.Encode(notification.Link.AbsoluteUri)}\">{html.Encode(words.Open)}</a></p>"
            + $"<p style=\"font-size:small\"><a href=\"{html.Encode(unsubscribe.AbsoluteUri)}\">{html.Encode(words.Unsubscribe)}</a></p></body></html>");
        message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // Automatic mail: out-of-office replies should not answer it (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }
}
