using Microsoft.Extensions.Logging;
using MimeKit;

namespace DataChallenge.Api.Mail;

/// <summary>The embedded default: each message becomes an <c>.eml</c> file that any mail reader opens, so the demo needs no server.</summary>
public sealed class EmlFolderMailTransport(string folder, TimeProvider clock, ILogger<EmlFolderMailTransport> logger) : IMailTransport
{
    public string Folder { get; } = folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        // Written aside, then renamed: a reader of the folder never meets a half-written message, and a failed write leaves none.
        var partial = path + ".partial";
        try
        {
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial);
        }
        logger.LogInformation("No Mail:Smtp:Host is configured: the message \"{Subject}\" was written to {Path}", message.Subject, path);
    }
}
