using System.Text.RegularExpressions;
using MimeKit;

namespace DataChallenge.Spine.Bench;

/// <summary>
/// The server's mail folder (embedded defaults write each message as an <c>.eml</c> file): where the benchmark's accounts
/// find the confirmation link that joining a challenge requires.
/// </summary>
public sealed partial class MailBox(string folder)
{
    private readonly Dictionary<string, Uri> _confirmations = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = [];
    private readonly SemaphoreSlim _scanning = new(1);

    /// <summary>The confirmation link mailed to <paramref name="email"/>, once its message is in the folder.</summary>
    public async Task<Uri> ConfirmationLinkAsync(string email, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            await _scanning.WaitAsync(cancellationToken);
            try
            {
                if (_confirmations.TryGetValue(email, out var link) || (Scan() && _confirmations.TryGetValue(email, out link))) return link;
            }
            finally
            {
                _scanning.Release();
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No confirmation mail for {email} in {folder}.");
            await Task.Delay(100, cancellationToken);
        }
    }

    private bool Scan()
    {
        if (!Directory.Exists(folder)) return false;
        foreach (var path in Directory.EnumerateFiles(folder, "*.eml"))
        {
            if (!_read.Add(path)) continue;
            var message = MimeMessage.Load(path);
            if (Link().Match(message.TextBody ?? "") is not { Success: true } match || !match.Value.Contains("/account/confirm", StringComparison.Ordinal)) continue;
            foreach (var to in message.To.Mailboxes) _confirmations[to.Address] = new Uri(match.Value);
        }
        return true;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
