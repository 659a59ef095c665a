using System.Globalization;
using System.Text.Encodings.Web;
using DataChallenge.Api.Features.Accounts;
using DataChallenge.Core.Accounts;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DataChallenge.Api.Mail;

/// <summary>Builds one account mail: plain text and HTML alternatives of the same words, with one absolute link.</summary>
public sealed class AccountMailComposer(IOptions<MailOptions> mail, IOptions<PasswordResetTokenOptions> reset)
{
    public MimeMessage Compose(AccountMailKind kind, string language, string address, Uri link)
    {
        var text = AccountMailTexts.For(kind, language);
        var intro = string.Format(CultureInfo.InvariantCulture, text.Intro, (int)reset.Value.TokenLifespan.TotalMinutes);
        var html = HtmlEncoder.Default;
        return MailMessages.Create(mail.Value, address, language, text.Subject, $"{intro}\n\n{link}\n\n{text.Outro}\n",
            $"<!DOCTYPE html><html lang=\"{language}\"><body><p>{html.Encode(intro)}</p>"
            + $"<p><a href=\"{html.Encode(link.AbsoluteUri)}\">{html.Encode(text.Action)}</a></p>"
            + $"<p>{html.Encode(link.AbsoluteUri)}</p><p>{html.Encode(text.Outro)}</p></body></html>");
    }
}
