using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using DataChallenge.Api.Mail;
using MimeKit;

namespace DataChallenge.Testing;

/// <summary>
/// Every message the in-process servers of this test run delivered, whatever their transport, so a test (or a helper
/// that only holds an HttpClient) can follow the link a person would find in their mailbox.
/// </summary>
public static partial class SentMail
{
    private static readonly ConcurrentQueue<MimeMessage> Delivered = new();

    /// <param name="skip">How many matching messages were there before: the one awaited comes after them.</param>
    public static async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool>? match = null, int skip = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = To(address).Where(m => match?.Invoke(m) ?? true).Skip(skip).FirstOrDefault();
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No matching mail reached {address}; {To(address).Count} other(s) did.");
            await Task.Delay(20);
        }
    }

    public static IReadOnlyList<MimeMessage> To(string address)
        => Delivered.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public static bool IsConfirmation(MimeMessage message) => LinkIn(message).AbsolutePath == "/account/confirm";

    /// <summary>The first link of the message's plain-text part.</summary>
    public static Uri LinkIn(MimeMessage message)
        => new(Link().Match(message.TextBody ?? "") is { Success: true } m ? m.Value : throw new InvalidOperationException($"No link in \"{message.Subject}\"."));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    /// <summary>Wraps the server's transport: a message counts as delivered once the real transport took it.</summary>
    internal sealed class Recorder(IMailTransport inner) : IMailTransport
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            Delivered.Enqueue(message);
        }
    }
}
