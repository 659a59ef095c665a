using DataChallenge.Core.Challenges;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DataChallenge.Api.Mail;

/// <summary>Mail settings are checked as the server starts, so a typo stops it instead of losing mail later.</summary>
public sealed class MailOptionsValidation : IValidateOptions<MailOptions>, IValidateOptions<PlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var smtp = options.Smtp;
        var errors = new List<string>();
        if (!MailboxAddress.TryParse(smtp.Sender, out _)) errors.Add($"Mail:Smtp:Sender '{smtp.Sender}' is not a mail address.");
        if (smtp.Port is < 1 or > 65535) errors.Add($"Mail:Smtp:Port {smtp.Port} is not a port.");
        if (string.IsNullOrEmpty(smtp.User) != string.IsNullOrEmpty(smtp.Password)) errors.Add("Mail:Smtp:User and Mail:Smtp:Password go together.");
        if (smtp.Timeout <= TimeSpan.Zero) errors.Add("Mail:Smtp:Timeout must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
        => options.PublicUrl is null || Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Platform:PublicUrl '{options.PublicUrl}' is not an absolute http(s) URL.");
}
