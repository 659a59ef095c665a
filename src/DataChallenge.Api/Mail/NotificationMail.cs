namespace DataChallenge.Api.Mail;

/// <summary>
/// One notification, in words: a subject, paragraphs of plain text, and optionally an HTML version of the body (an
/// announcement's rendered Markdown). <paramref name="Link"/> leads to the challenge.
/// </summary>
public sealed record NotificationMail(string Subject, IReadOnlyList<string> Paragraphs, Uri Link, string? HtmlBody = null);
